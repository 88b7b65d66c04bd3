-- 9.1.1 ($measure 'waste'): sum waste_3r_t / sum waste_generated_t; 10.1.1 ($measure 'energy'):
-- sum energy_renewable_gj / sum energy_total_gj; over factories in P whose Y report has both.
with

population as (
    select * from factory_population($year, $area)
),

reports as (
    select
        factory_id,
        case when $measure = 'waste' then waste_3r_t else energy_renewable_gj end as part,
        case when $measure = 'waste' then waste_generated_t else energy_total_gj end as whole
    from annual_reports
    where year = $year
),

final as (
    select
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        r.part is not null and r.whole is not null as counted,
        r.part is not null and r.whole is not null as in_denominator,
        case when r.part is not null and r.whole is not null then r.part else 0 end as num,
        case when r.part is not null and r.whole is not null then r.whole else 0 end as den,
        case
            when r.factory_id is null then 'no_report'
            when r.part is null or r.whole is null then 'incomplete_report'
            else 'included'
        end as reason,
        case when r.whole > 0 then r.part / r.whole * 100 end as share_pct,
        null::varchar as detail
    from population as p
    left join reports as r using (factory_id)
)

select * from final
order by in_denominator desc, share_pct desc nulls last, entity_id
