-- Which uploads hold rows for each year in $years, by subdistrict: a year "has data" for an indicator
-- when its sources do (an honest "vs last year" needs data in both years). Evidence is town-wide.
with

years as (
    select unnest($years::integer[]) as year
),

yearly as (
    select
        'practices' as source,
        p.year,
        e.subdistrict_code
    from practices as p
    inner join establishments as e using (factory_id)
    where list_contains($years::integer[], p.year)
    union all
    select
        'annual_reports' as source,
        r.year,
        e.subdistrict_code
    from annual_reports as r
    inner join establishments as e using (factory_id)
    where list_contains($years::integer[], r.year)
    union all
    select
        'effluent_samples' as source,
        year(s.sampled_on) as year,
        e.subdistrict_code
    from effluent_samples as s
    inner join establishments as e using (factory_id)
    where list_contains($years::integer[], year(s.sampled_on))
    union all
    select
        'green_areas' as source,
        year,
        subdistrict_code
    from green_areas
    where list_contains($years::integer[], year)
    union all
    select
        'surveys' as source,
        year,
        subdistrict_code
    from surveys
    where list_contains($years::integer[], year)
    union all
    select
        'infrastructure' as source,
        year,
        subdistrict_code
    from infrastructure
    where list_contains($years::integer[], year)
    union all
    select
        'certifications' as source,
        y.year,
        e.subdistrict_code
    from certifications as c
    inner join establishments as e using (factory_id)
    inner join years as y on year(c.issued_on) <= y.year
    union all
    select
        'evidence' as source,
        y.year,
        null::varchar as subdistrict_code
    from years as y
    where exists (
            select 1 from evidence as ev
            where ev.fiscal_year <= y.year + 543
        )
),

final as (
    select
        source,
        year,
        subdistrict_code,
        count(*) as n
    from yearly
    group by all
)

select * from final
