-- 3.1.1: (sum investment_thb in Y - sum in Y-1) / sum in Y-1, over factories in P(Y) reporting it in both years.
with

population as (
    select * from factory_population($year, $area)
),

investment as (
    select
        factory_id,
        max(investment_thb) filter (where year = $year) as current_thb,
        max(investment_thb) filter (where year = $year - 1) as previous_thb
    from annual_reports
    where year in ($year, $year - 1)
    group by factory_id
),

final as (
    select
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        coalesce(i.current_thb > i.previous_thb, false) as counted,
        i.current_thb is not null and i.previous_thb is not null as in_denominator,
        case when i.current_thb is not null and i.previous_thb is not null then i.current_thb - i.previous_thb else 0 end as num,
        case when i.current_thb is not null and i.previous_thb is not null then i.previous_thb else 0 end as den,
        case
            when i.current_thb is null or i.previous_thb is null then 'not_both_years'
            when i.current_thb > i.previous_thb then 'increased'
            else 'not_increased'
        end as reason,
        i.current_thb,
        i.previous_thb,
        null::varchar as detail
    from population as p
    left join investment as i using (factory_id)
)

select * from final
order by in_denominator desc, num desc, entity_id
