-- 1.1.1: infrastructure projects in the area with eco_design true, status completed and year = Y,
-- for each year in $years. Every project of the year is listed; only those that qualify count.
with

projects as (
    select * from infrastructure
    where list_contains($years::integer[], year)
),

final as (
    select
        $code::varchar as code,
        year,
        project_id as entity_id,
        name as name_th,
        name as name_en,
        subdistrict_code,
        system as kind,
        null::boolean as controlled_factory,
        coalesce(eco_design, false) and status = 'completed' as counted,
        false as in_denominator,
        case when coalesce(eco_design, false) and status = 'completed' then 1.0::double else 0.0::double end as num,
        0.0::double as den,
        case
            when status <> 'completed' then 'not_completed'
            when not coalesce(eco_design, false) then 'no_eco_design'
            else 'meets'
        end as reason,
        status as detail,
        budget_thb
    from projects
)

select * from final
