-- 9.1.1 (measure 'waste'): sum waste_3r_t / sum waste_generated_t; 10.1.1 ('energy'): sum
-- energy_renewable_gj / sum energy_total_gj; for each measure in $measures (code, measure) and year Y in
-- $years, over the factories in P(Y) whose Y report has both figures.
with

measures as (
    select unnest($measures, recursive := true)
),

population as (
    select * from factory_populations($years::integer[])
),

reports as (
    select
        m.code,
        r.factory_id,
        r.year,
        case when m.measure = 'waste' then r.waste_3r_t else r.energy_renewable_gj end as part,
        case when m.measure = 'waste' then r.waste_generated_t else r.energy_total_gj end as whole
    from annual_reports as r
    cross join measures as m
    where list_contains($years::integer[], r.year)
),

final as (
    select
        m.code,
        p.year,
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        r.part is not null and r.whole is not null as counted,
        r.part is not null and r.whole is not null as in_denominator,
        case when r.part is not null and r.whole is not null then r.part else 0.0::double end as num,
        case when r.part is not null and r.whole is not null then r.whole else 0.0::double end as den,
        case
            when r.factory_id is null then 'no_report'
            when r.part is null or r.whole is null then 'incomplete_report'
            else 'included'
        end as reason,
        null::varchar as detail,
        r.part,
        r.whole,
        case when r.whole > 0 then r.part / r.whole * 100 end as share_pct
    from population as p
    cross join measures as m
    left join reports as r on r.code = m.code and r.factory_id = p.factory_id and r.year = p.year
)

select * from final
order by code, year, in_denominator desc, share_pct desc nulls last, entity_id
