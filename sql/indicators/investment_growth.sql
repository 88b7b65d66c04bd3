-- 3.1.1: for each year Y in $years, (sum investment_thb in Y - sum in Y-1) / sum in Y-1, over the
-- factories in P(Y) that report it in both years (a factory's Y-1 figure counts even if it was not in P(Y-1)).
with

population as (
    select * from factory_populations($years::integer[])
),

investment as (
    select
        p.year,
        p.factory_id,
        max(r.investment_thb) filter (where r.year = p.year) as current_thb,
        max(r.investment_thb) filter (where r.year = p.year - 1) as previous_thb
    from population as p
    inner join annual_reports as r
        on r.factory_id = p.factory_id
        and r.year in (p.year, p.year - 1)
    group by p.year, p.factory_id
),

final as (
    select
        '3.1.1' as code,
        p.year,
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        coalesce(i.current_thb > i.previous_thb, false) as counted,
        i.current_thb is not null and i.previous_thb is not null as in_denominator,
        case
            when i.current_thb is not null and i.previous_thb is not null then i.current_thb - i.previous_thb
            else 0.0::double
        end as num,
        case when i.current_thb is not null and i.previous_thb is not null then i.previous_thb else 0.0::double end as den,
        case
            when i.current_thb is null or i.previous_thb is null then 'not_both_years'
            when i.current_thb > i.previous_thb then 'increased'
            else 'not_increased'
        end as reason,
        null::varchar as detail,
        i.current_thb,
        i.previous_thb
    from population as p
    left join investment as i using (year, factory_id)
)

select * from final
order by year, in_denominator desc, num desc, entity_id
