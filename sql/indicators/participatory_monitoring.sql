-- 15.1.1: for each year Y in $years, establishments (factories and mines) with participatory_monitoring
-- implemented in Y. Establishments with it only planned are listed too and do not count.
with

monitoring as (
    select
        year,
        factory_id,
        status,
        evidence_ref
    from practices
    where list_contains($years::integer[], year)
        and practice = 'participatory_monitoring'
),

final as (
    select
        $code::varchar as code,
        m.year,
        e.factory_id as entity_id,
        e.name_th,
        e.name_en,
        e.subdistrict_code,
        e.kind,
        e.controlled_factory,
        m.status = 'implemented' as counted,
        false as in_denominator,
        case when m.status = 'implemented' then 1.0::double else 0.0::double end as num,
        0.0::double as den,
        case when m.status = 'implemented' then 'meets' else 'planned_only' end as reason,
        m.evidence_ref as detail
    from establishments as e
    inner join monitoring as m using (factory_id)
)

select * from final
