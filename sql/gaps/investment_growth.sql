-- Who could close 3.1.1's gap in $year and $area: factories of P($year) reporting investment in both years whose
-- investment did not rise, the largest fall first: weight is what holding last year's figure would add to the
-- numerator (THB). detail: this year's investment against last year's.
select
    'closest' as why,
    p.factory_id as entity_id,
    format('{:,.0f} ≤ {:,.0f} THB', c.investment_thb, pr.investment_thb) as detail,
    pr.investment_thb - c.investment_thb as weight
from population_in($year, $area) as p
inner join annual_reports as c on p.factory_id = c.factory_id and c.year = $year
inner join annual_reports as pr on p.factory_id = pr.factory_id and pr.year = $year - 1
where c.investment_thb <= pr.investment_thb
