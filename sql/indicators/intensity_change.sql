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
        factory_id,
        year,
        production_qty,
        water_use_m3,
        wastewater_m3,
        water_use_m3 / production_qty as water,
        wastewater_m3 / production_qty as wastewater,
        water_intensity_target,
        wastewater_intensity_target
    from annual_reports
    where year between list_min($years::integer[]) - 1 and list_max($years::integer[])
),

paired as (
    select
        p.*,
        c.production_qty,
        c.water_use_m3,
        c.wastewater_m3,
        c.water,
        c.wastewater,
        c.water_intensity_target,
        c.wastewater_intensity_target,
        pr.water as previous_water,
        pr.wastewater as previous_wastewater
    from population as p
    left join reports as c on p.factory_id = c.factory_id and p.year = c.year
    left join reports as pr on p.factory_id = pr.factory_id and pr.year = p.year - 1
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
        case when m.measure = 'water' then p.water_use_m3 else p.wastewater_m3 end as amount,
        p.production_qty,
        case when m.measure = 'water' then p.water else p.wastewater end as intensity,
        case when m.measure = 'water' then p.previous_water else p.previous_wastewater end as previous,
        case when m.measure = 'water' then p.water_intensity_target else p.wastewater_intensity_target end as target
    from paired as p
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
        intensity is not null and (previous is not null or target is not null)
        and (coalesce(intensity < previous, false) or coalesce(intensity <= target, false)) as counted,
        intensity is not null and (previous is not null or target is not null) as in_denominator,
        case
            when intensity is not null and (previous is not null or target is not null)
                and (coalesce(intensity < previous, false) or coalesce(intensity <= target, false)) then 1.0::double
            else 0.0::double
        end as num,
        case when intensity is not null and (previous is not null or target is not null) then 1.0::double else 0.0::double end as den,
        case
            when intensity is null then 'no_report'
            when previous is null and target is null then 'no_baseline'
            when coalesce(intensity < previous, false) then 'improved'
            when coalesce(intensity <= target, false) then 'met_target'
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
