-- 1.2.1: sum of green_areas.green_area_m2 in the area for Y / sum of area_m2 of the area's subdistricts.
with

green as (
    select
        subdistrict_code || ' / ' || category || ' / ' || name as entity_id,
        name as name_th,
        name as name_en,
        subdistrict_code,
        category as kind,
        null::boolean as controlled_factory,
        true as counted,
        false as in_denominator,
        green_area_m2 as num,
        0.0 as den,
        'green_area' as reason,
        category as detail
    from green_areas
    where year = $year
      and ($area = 'all' or subdistrict_code = $area)
),

land as (
    select
        subdistrict_code as entity_id,
        name_th,
        name_en,
        subdistrict_code,
        'subdistrict' as kind,
        null::boolean as controlled_factory,
        false as counted,
        true as in_denominator,
        0.0 as num,
        area_m2 as den,
        'subdistrict_area' as reason,
        null::varchar as detail
    from subdistricts
    where $area = 'all' or subdistrict_code = $area
),

final as (
    select * from green
    union all
    select * from land
)

select * from final
order by in_denominator, num desc, entity_id
