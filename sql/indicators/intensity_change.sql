-- 7.2.1 / 7.2.2: intensity i = amount / production_qty, amount = water_use_m3 ($measure 'water') or
-- wastewater_m3 ('wastewater'). Eligible: factories in P with i(Y), and i(Y-1) or a target for Y.
-- Improved: i(Y) < i(Y-1), or i(Y) <= the Y target.
with

population as (
    select * from factory_population($year, $area)
),

reports as (
    select
        factory_id,
        year,
        case when $measure = 'water' then water_use_m3 else wastewater_m3 end / production_qty as intensity,
        case when $measure = 'water' then water_intensity_target else wastewater_intensity_target end as target
    from annual_reports
    where year in ($year, $year - 1)
),

current_year as (
    select factory_id, intensity, target from reports where year = $year
),

previous_year as (
    select factory_id, intensity as previous from reports where year = $year - 1
),

judged as (
    select
        p.*,
        c.intensity,
        pr.previous,
        c.target,
        c.intensity is not null and (pr.previous is not null or c.target is not null) as eligible,
        coalesce(c.intensity < pr.previous, false) as improved,
        coalesce(c.intensity <= c.target, false) as met_target
    from population as p
    left join current_year as c using (factory_id)
    left join previous_year as pr using (factory_id)
),

final as (
    select
        factory_id as entity_id,
        name_th,
        name_en,
        subdistrict_code,
        kind,
        controlled_factory,
        eligible and (improved or met_target) as counted,
        eligible as in_denominator,
        case when eligible and (improved or met_target) then 1.0 else 0.0 end as num,
        case when eligible then 1.0 else 0.0 end as den,
        case
            when intensity is null then 'no_report'
            when not eligible then 'no_baseline'
            when improved then 'improved'
            when met_target then 'met_target'
            else 'worsened'
        end as reason,
        intensity,
        previous,
        target,
        case when previous > 0 then (intensity - previous) / previous * 100 end as change_pct,
        null::varchar as detail
    from judged
)

select * from final
order by in_denominator desc, counted desc, change_pct nulls last, entity_id
