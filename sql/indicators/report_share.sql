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
        factory_id,
        year,
        waste_3r_t,
        waste_generated_t,
        energy_renewable_gj,
        energy_total_gj
    from annual_reports
    where year between list_min($years::integer[]) and list_max($years::integer[])
),

judged as (
    select
        m.code,
        p.year,
        p.factory_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        r.factory_id is not null as reported,
        case when m.measure = 'waste' then r.waste_3r_t else r.energy_renewable_gj end as part,
        case when m.measure = 'waste' then r.waste_generated_t else r.energy_total_gj end as whole
    from population as p
    left join reports as r on p.factory_id = r.factory_id and p.year = r.year
    cross join measures as m
),

final as (
    select
        code,
        year,
        factory_id as entity_id,
        name_th,
        name_en,
        subdistrict_code,
        kind,
        controlled_factory,
        part is not null and whole is not null as counted,
        part is not null and whole is not null as in_denominator,
        case when part is not null and whole is not null then part else 0.0::double end as num,
        case when part is not null and whole is not null then whole else 0.0::double end as den,
        case
            when not reported then 'no_report'
            when part is null or whole is null then 'incomplete_report'
            else 'included'
        end as reason,
        null::varchar as detail,
        part,
        whole,
        case when whole > 0 then part / whole * 100 end as share_pct
    from judged
)

select * from final
