-- 3.1.1: for each year Y in $years, (sum investment_thb in Y - sum in Y-1) / sum in Y-1, over the
-- factories in P(Y) that report it in both years (a factory's Y-1 figure counts even if it was not in P(Y-1)).
with

population as (
    select * from factory_populations($years::integer[])
),

reports as (
    select
        factory_id,
        year,
        investment_thb
    from annual_reports
    where year between list_min($years::integer[]) - 1 and list_max($years::integer[])
        and investment_thb is not null
),

final as (
    select
        $code::varchar as code,
        p.year,
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        coalesce(c.investment_thb > pr.investment_thb, false) as counted,
        c.investment_thb is not null and pr.investment_thb is not null as in_denominator,
        case
            when c.investment_thb is not null and pr.investment_thb is not null then c.investment_thb - pr.investment_thb
            else 0.0::double
        end as num,
        case when c.investment_thb is not null and pr.investment_thb is not null then pr.investment_thb else 0.0::double end as den,
        case
            when c.investment_thb is null or pr.investment_thb is null then 'not_both_years'
            when c.investment_thb > pr.investment_thb then 'increased'
            else 'not_increased'
        end as reason,
        null::varchar as detail,
        c.investment_thb as current_thb,
        pr.investment_thb as previous_thb
    from population as p
    left join reports as c on p.factory_id = c.factory_id and p.year = c.year
    left join reports as pr on p.factory_id = pr.factory_id and pr.year = p.year - 1
)

select * from final
