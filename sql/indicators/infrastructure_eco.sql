-- 1.1.1: infrastructure projects in the area with eco_design true, status completed and year = Y.
with

projects as (
    select * from infrastructure
    where year = $year
      and ($area = 'all' or subdistrict_code = $area)
),

final as (
    select
        project_id as entity_id,
        name as name_th,
        name as name_en,
        subdistrict_code,
        system as kind,
        null::boolean as controlled_factory,
        coalesce(eco_design, false) and status = 'completed' as counted,
        false as in_denominator,
        case when coalesce(eco_design, false) and status = 'completed' then 1.0 else 0.0 end as num,
        0.0 as den,
        case
            when status <> 'completed' then 'not_completed'
            when not coalesce(eco_design, false) then 'no_eco_design'
            else 'meets'
        end as reason,
        status as detail
    from projects
)

select * from final
order by counted desc, entity_id
