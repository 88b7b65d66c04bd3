-- Factories in P(Y, area) with one of $practices implemented in Y, or a valid certificate of one of
-- $schemes (a GI certificate counts from level $gi_min_level). The family of 19.1.1, 5.1.1, 6.1.1,
-- 10.2.1, 12.1.1, 12.2.1, 13.1.1, 13.2.1 and the count 2.1.1.
with

population as (
    select * from factory_population($year, $area)
),

practice_hits as (
    select
        factory_id,
        string_agg(practice, ', ' order by practice) as what
    from practices
    where year = $year
      and status = 'implemented'
      and list_contains($practices::varchar[], practice)
    group by factory_id
),

certificate_hits as (
    select
        factory_id,
        string_agg(scheme || coalesce(' level ' || level, ''), ', ' order by scheme) as what
    from valid_certificates($year)
    where list_contains($schemes::varchar[], scheme)
      and (scheme <> 'GI' or level >= $gi_min_level)
    group by factory_id
),

final as (
    select
        p.factory_id as entity_id,
        p.name_th,
        p.name_en,
        p.subdistrict_code,
        p.kind,
        p.controlled_factory,
        (ph.factory_id is not null or ch.factory_id is not null) as counted,
        true as in_denominator,
        case when ph.factory_id is not null or ch.factory_id is not null then 1.0 else 0.0 end as num,
        1.0 as den,
        case
            when ph.factory_id is not null or ch.factory_id is not null then 'meets'
            else 'not_met'
        end as reason,
        concat_ws('; ', ph.what, ch.what) as detail
    from population as p
    left join practice_hits as ph using (factory_id)
    left join certificate_hits as ch using (factory_id)
)

select * from final
order by counted desc, entity_id
