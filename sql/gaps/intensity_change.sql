-- Who could close an intensity indicator's gap (its measure in $measures, bound with it alone: 7.2.1 water,
-- 7.2.2 wastewater per unit of product) in $year and $area: factories of P($year) judged and not improved
-- (intensity not below last year's and above their own target), closest first: the smallest cut that would count
-- them (relative to the nearer of the two). detail: this year's intensity against that figure (m³ per unit of
-- product: the page names the unit in its language).
with

measure as (
    select unnest($measures, recursive := true)
),

reports as (
    select
        r.factory_id,
        r.year,
        r.production_unit,
        case when m.measure = 'water' then r.water_use_m3 else r.wastewater_m3 end / r.production_qty as intensity,
        case when m.measure = 'water' then r.water_intensity_target else r.wastewater_intensity_target end as target
    from annual_reports as r
    cross join measure as m
    where r.year in ($year, $year - 1)
),

judged as (
    select
        p.factory_id,
        c.production_unit,
        c.intensity,
        pr.intensity as previous,
        c.target
    from population_in($year, $area) as p
    inner join reports as c on p.factory_id = c.factory_id and c.year = $year
    left join reports as pr on p.factory_id = pr.factory_id and pr.year = $year - 1
    where c.intensity is not null
        and (pr.intensity is not null or c.target is not null)
        and not coalesce(c.intensity < pr.intensity, false)
        and not coalesce(c.intensity <= c.target, false)
),

distances as (
    select
        *,
        coalesce((intensity - previous) / nullif(previous, 0), 1e9) as to_previous,
        coalesce((intensity - target) / nullif(target, 0), 1e9) as to_target
    from judged
),

final as (
    select
        'closest' as why,
        factory_id as entity_id,
        case
            when to_target < to_previous
                then format('{:.4g} > {:.4g}', intensity, target)
            else format('{:.4g} ≥ {:.4g}', intensity, previous)
        end as detail,
        least(to_previous, to_target) as distance
    from distances
)

select * from final
