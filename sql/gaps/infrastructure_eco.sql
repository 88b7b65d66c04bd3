-- Who could close 1.1.1's gap in $year and $area: infrastructure projects of $year with eco-design that are
-- planned or in progress (completing one counts it).
with

final as (
    select
        status as why,
        project_id as entity_id,
        name as name_th,
        name as name_en,
        system as detail
    from infrastructure
    where year = $year
        and coalesce(eco_design, false)
        and status in ('planned', 'in_progress')
        and ($area = 'all' or subdistrict_code = $area)
)

select * from final
