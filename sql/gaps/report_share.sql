-- Who could close a sum-ratio indicator's gap (its measure in $measures, bound with it alone: 9.1.1 waste reused,
-- 10.1.1 renewable energy)
-- in $year and $area: factories of P($year) whose report has both figures and whose own share is below
-- $threshold (%), the ones that would add most first: weight is how much more of the numerator's amount
-- (t, GJ) they would add by reaching the threshold themselves. detail: their share against the threshold.
with

measure as (
    select unnest($measures, recursive := true)
),

shares as (
    select
        r.factory_id,
        case when m.measure = 'waste' then r.waste_3r_t else r.energy_renewable_gj end as part,
        case when m.measure = 'waste' then r.waste_generated_t else r.energy_total_gj end as whole
    from annual_reports as r
    cross join measure as m
    where r.year = $year
),

final as (
    select
        'closest' as why,
        p.factory_id as entity_id,
        format('{:.1f}% < {:g}%', s.part / s.whole * 100, $threshold) as detail,
        $threshold / 100 * s.whole - s.part as weight,
        $threshold - s.part / s.whole * 100 as distance
    from population_in($year, $area) as p
    inner join shares as s using (factory_id)
    where s.whole > 0
        and s.part is not null
        and s.part / s.whole * 100 < $threshold
)

select * from final
