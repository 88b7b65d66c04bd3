-- 7.2.1 / 7.2.2: for each measure in $measures (code, measure 'water' or 'wastewater') and year Y in
-- $years, intensity i = amount / production_qty. Eligible: factories in P(Y) with i(Y), and i(Y-1) or a
-- target for Y. Improved: i(Y) < i(Y-1), or i(Y) <= the Y target. i(Y-1) comes from the Y-1 report
-- whether or not the factory was in P(Y-1); the target from the Y report.
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
        case when m.measure = 'water' then r.water_use_m3 else r.wastewater_m3 end as amount,
        r.production_qty,
        case when m.measure = 'water' then r.water_use_m3 else r.wastewater_m3 end / r.production_qty as intensity,
        case when m.measure = 'water' then r.water_intensity_target else r.wastewater_intensity_target end as target
    from annual_reports as r
    cross join measures as m
    where list_contains($years::integer[], r.year) or list_contains($years::integer[], r.year + 1)
),

judged as (
    select
        m.code,
        p.*,
        c.amount,
        c.production_qty,
        c.intensity,
        pr.intensity as previous,
        c.target,
        c.intensity is not null and (pr.intensity is not null or c.target is not null) as eligible,
        coalesce(c.intensity < pr.intensity, false) as improved,
        coalesce(c.intensity <= c.target, false) as met_target
    from population as p
    cross join measures as m
    left join reports as c on c.code = m.code and c.factory_id = p.factory_id and c.year = p.year
    left join reports as pr on pr.code = m.code and pr.factory_id = p.factory_id and pr.year = p.year - 1
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
        eligible and (improved or met_target) as counted,
        eligible as in_denominator,
        case when eligible and (improved or met_target) then 1.0::double else 0.0::double end as num,
        case when eligible then 1.0::double else 0.0::double end as den,
        case
            when intensity is null then 'no_report'
            when not eligible then 'no_baseline'
            when improved then 'improved'
            when met_target then 'met_target'
            else 'worsened'
        end as reason,
        null::varchar as detail,
        amount,
        production_qty,
        intensity,
        previous,
        target,
        case when previous > 0 then (intensity - previous) / previous * 100 end as change_pct
    from judged
)

select * from final
order by code, year, in_denominator desc, counted desc, change_pct nulls last, entity_id
