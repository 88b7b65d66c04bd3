-- Who could close a factory-share indicator's gap (its definition in $defs, bound with it alone, as the family query reads it) in $year and
-- $area ('all' or a subdistrict): factories of P($year) it does not count yet that have one of its practices
-- planned that year (planned), a certificate of one of its schemes that expired the year before (expired:
-- renewing it would count them again), or a valid GI certificate below its level (closest); and, keeping the
-- gap from growing rather than closing it, counted factories whose every qualifying certificate expires in
-- $year with no practice behind them (expiring). One row per factory, its first reason in the order $why.
with

definition as (
    select unnest($defs, recursive := true)
),

wanted_practices as (
    select unnest(practices) as practice from definition
),

wanted_schemes as (
    select
        unnest(schemes) as scheme,
        gi_min_level
    from definition
),

population as (
    select * from population_in($year, $area)
),

implemented as (
    select distinct p.factory_id
    from practices as p
    where p.year = $year
        and p.status = 'implemented'
        and p.practice in (select w.practice from wanted_practices as w)
),

certified as (
    select
        c.factory_id,
        c.scheme,
        c.expires_on
    from valid_certificates_in([$year]::integer[]) as c
    inner join wanted_schemes as w using (scheme)
    where c.scheme <> 'GI' or c.level >= w.gi_min_level
),

not_counted as (
    select p.* from population as p
    where p.factory_id not in (select i.factory_id from implemented as i)
        and p.factory_id not in (select c.factory_id from certified as c)
),

planned as (
    select
        'planned' as why,
        n.factory_id as entity_id,
        string_agg(p.practice, ', ' order by p.practice) as detail
    from not_counted as n
    inner join practices as p using (factory_id)
    where p.year = $year
        and p.status = 'planned'
        and p.practice in (select w.practice from wanted_practices as w)
    group by n.factory_id
),

expired as (
    select
        'expired' as why,
        n.factory_id as entity_id,
        string_agg(distinct c.scheme, ', ') as detail,
        max(c.expires_on) as on_date
    from not_counted as n
    inner join certifications as c using (factory_id)
    inner join wanted_schemes as w using (scheme)
    where year(c.expires_on) = $year - 1
        and (c.scheme <> 'GI' or c.level >= w.gi_min_level)
    group by n.factory_id
),

below_level as (
    select
        'closest' as why,
        n.factory_id as entity_id,
        'GI ' || max(c.level) || ' < ' || max(w.gi_min_level) as detail,
        (max(w.gi_min_level) - max(c.level))::double as distance
    from not_counted as n
    inner join valid_certificates_in([$year]::integer[]) as c using (factory_id)
    inner join wanted_schemes as w using (scheme)
    where c.scheme = 'GI'
        and c.level < w.gi_min_level
    group by n.factory_id
),

expiring as (
    select
        'expiring' as why,
        c.factory_id as entity_id,
        string_agg(distinct c.scheme, ', ') as detail,
        max(c.expires_on) as on_date,
        0.0::double as weight
    from certified as c
    inner join population using (factory_id)
    where c.factory_id not in (select i.factory_id from implemented as i)
    group by c.factory_id
    having count(c.expires_on) = count(*)
        and max(year(c.expires_on)) = $year
),

reasons as (
    select * from planned
    union all by name
    select * from expired
    union all by name
    select * from below_level
    union all by name
    select * from expiring
),

final as (
    select * from reasons
    qualify row_number() over (partition by entity_id order by list_position($why, why)) = 1
)

select * from final
