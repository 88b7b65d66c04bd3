-- 1.2.1: for each year in $years, the sum of green_areas.green_area_m2 in the area over the sum of
-- area_m2 of the area's subdistricts. Green rows carry the numerator, one row per subdistrict the
-- denominator; an area with no green row for Y is no data (the engine checks the green rows' count).
with

years as (
    select unnest($years::integer[]) as year
),

green as (
    select
        $code::varchar as code,
        year,
        subdistrict_code || ' / ' || category || ' / ' || name as entity_id,
        name as name_th,
        name as name_en,
        subdistrict_code,
        category as kind,
        null::boolean as controlled_factory,
        true as counted,
        false as in_denominator,
        green_area_m2 as num,
        0.0::double as den,
        'green_area' as reason,
        category as detail,
        green_area_m2 as area_m2
    from green_areas
    where list_contains($years::integer[], year)
),

land as (
    select
        $code::varchar as code,
        y.year,
        s.subdistrict_code as entity_id,
        s.name_th,
        s.name_en,
        s.subdistrict_code,
        'subdistrict' as kind,
        null::boolean as controlled_factory,
        false as counted,
        true as in_denominator,
        0.0::double as num,
        s.area_m2 as den,
        'subdistrict_area' as reason,
        null::varchar as detail,
        s.area_m2
    from subdistricts as s
    cross join years as y
),

final as (
    select * from green
    union all
    select * from land
)

select * from final
