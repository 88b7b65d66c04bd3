-- Values worth a second look, never changed: a per-unit figure (water, wastewater, energy, GHG per unit of
-- product) $far times above or below the median of its industry, unit of product and year (with at least
-- $min_peers establishments behind the median), or a value $jump times above or below the establishment's
-- own value of the year before.
with

measures as (
    unpivot (
        select
            factory_id,
            year,
            production_qty as production,
            production_unit,
            production_qty,
            water_use_m3,
            wastewater_m3,
            energy_total_gj,
            ghg_tco2e
        from annual_reports
    )
    on production_qty, water_use_m3, wastewater_m3, energy_total_gj, ghg_tco2e
    into name measure value amount
),

per_unit as (
    select
        m.year,
        m.factory_id,
        e.industry,
        m.production_unit,
        m.measure,
        m.amount / m.production as value
    from measures as m
    inner join establishments as e using (factory_id)
    where m.measure <> 'production_qty' and m.production > 0 and e.industry is not null
),

medians as (
    select
        year,
        industry,
        production_unit,
        measure,
        median(value) as median_value,
        count(*) as peers
    from per_unit
    group by all
    having count(*) >= $min_peers
),

far as (
    select
        p.year,
        p.factory_id,
        p.measure || '_per_unit' as measure,
        'far_from_median' as check_name,
        p.value,
        m.median_value as compared_with,
        p.value / m.median_value as ratio
    from per_unit as p
    inner join medians as m using (year, industry, production_unit, measure)
    where m.median_value > 0
        and (p.value >= m.median_value * $far or p.value <= m.median_value / $far)
),

jumps as (
    select
        m.year,
        m.factory_id,
        m.measure,
        'jump' as check_name,
        m.amount as value,
        b.amount as compared_with,
        m.amount / b.amount as ratio
    from measures as m
    inner join measures as b on m.factory_id = b.factory_id and m.measure = b.measure and b.year = m.year - 1
    where b.amount > 0 and m.amount > 0
        and (m.amount >= b.amount * $jump or m.amount <= b.amount / $jump)
),

final as (
    select
        f.year,
        f.factory_id,
        e.name_th,
        e.name_en,
        e.industry,
        f.check_name,
        f.measure,
        f.value,
        f.compared_with,
        f.ratio
    from (
        select * from far
        union all
        select * from jumps
    ) as f
    inner join establishments as e using (factory_id)
)

select * from final
order by year desc, factory_id asc, check_name asc, measure asc
