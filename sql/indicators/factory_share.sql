-- The factory-share family (19.1.1, 5.1.1, 6.1.1, 10.2.1, 12.1.1, 12.2.1, 13.1.1, 13.2.1 and the count
-- 2.1.1): for each definition in $defs (code, practices, schemes, gi_min_level) and each year in $years,
-- the factories in P(Y) with one of the practices implemented in Y, or a certificate of one of the
-- schemes valid in Y (a GI certificate counts from level gi_min_level). One row per code, year, factory.
with

definitions as (
    select unnest($defs, recursive := true)
),

population as (
    select * from factory_populations($years::integer[])
),

implemented as (
    select
        year,
        factory_id,
        list(practice order by practice) as practices
    from practices
    where status = 'implemented'
      and list_contains($years::integer[], year)
    group by year, factory_id
),

certificates as (
    select
        year,
        factory_id,
        list({'scheme': scheme, 'level': level} order by scheme, level) as held
    from valid_certificates_in($years::integer[])
    group by year, factory_id
),

judged as (
    select
        d.code,
        p.year,
        p.factory_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        list_filter(coalesce(i.practices, []), lambda x: list_contains(d.practices, x)) as practice_hits,
        list_filter(
            coalesce(c.held, []),
            lambda x: list_contains(d.schemes, x.scheme) and (x.scheme <> 'GI' or x.level >= d.gi_min_level)
        ) as certificate_hits
    from population as p
    cross join definitions as d
    left join implemented as i using (year, factory_id)
    left join certificates as c using (year, factory_id)
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
        len(practice_hits) > 0 or len(certificate_hits) > 0 as counted,
        true as in_denominator,
        case when len(practice_hits) > 0 or len(certificate_hits) > 0 then 1.0::double else 0.0::double end as num,
        1.0::double as den,
        case when len(practice_hits) > 0 or len(certificate_hits) > 0 then 'meets' else 'not_met' end as reason,
        nullif(concat_ws(
            '; ',
            nullif(array_to_string(practice_hits, ', '), ''),
            nullif(array_to_string(list_transform(certificate_hits, lambda x: x.scheme || coalesce(' level ' || x.level, '')), ', '), '')
        ), '') as detail
    from judged
)

select * from final
order by code, year, counted desc, entity_id
