-- The factory-share family (19.1.1, 5.1.1, 6.1.1, 10.2.1, 12.1.1, 12.2.1, 13.1.1, 13.2.1 and the count
-- 2.1.1): for each definition in $defs (code, practices, schemes, gi_min_level) and each year in $years,
-- the factories in P(Y) with one of the practices implemented in Y, or a certificate of one of the
-- schemes valid in Y (a GI certificate counts from level gi_min_level). One row per code, year, factory.
with

definitions as (
    select unnest($defs, recursive := true)
),

wanted_practices as (
    select
        code,
        unnest(practices) as practice
    from definitions
),

wanted_schemes as (
    select
        code,
        unnest(schemes) as scheme,
        gi_min_level
    from definitions
),

population as (
    select * from factory_populations($years::integer[])
),

practice_hits as (
    select
        w.code,
        p.year,
        p.factory_id,
        string_agg(p.practice, ', ' order by p.practice) as what
    from practices as p
    inner join wanted_practices as w using (practice)
    where p.status = 'implemented'
        and list_contains($years::integer[], p.year)
    group by w.code, p.year, p.factory_id
),

certificate_hits as (
    select
        w.code,
        c.year,
        c.factory_id,
        string_agg(c.scheme || coalesce(' level ' || c.level, ''), ', ' order by c.scheme, c.level) as what
    from valid_certificates_in($years::integer[]) as c
    inner join wanted_schemes as w using (scheme)
    where c.scheme <> 'GI' or c.level >= w.gi_min_level
    group by w.code, c.year, c.factory_id
),

final as (
    select
        d.code,
        p.year,
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        ph.factory_id is not null or ch.factory_id is not null as counted,
        true as in_denominator,
        case when ph.factory_id is not null or ch.factory_id is not null then 1.0::double else 0.0::double end as num,
        1.0::double as den,
        case when ph.factory_id is not null or ch.factory_id is not null then 'meets' else 'not_met' end as reason,
        nullif(concat_ws('; ', ph.what, ch.what), '') as detail
    from population as p
    cross join definitions as d
    left join practice_hits as ph on d.code = ph.code and p.year = ph.year and p.factory_id = ph.factory_id
    left join certificate_hits as ch on d.code = ch.code and p.year = ch.year and p.factory_id = ch.factory_id
)

select * from final
