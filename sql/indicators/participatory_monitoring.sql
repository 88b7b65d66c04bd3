-- 15.1.1: establishments (factories and mines) in the area with participatory_monitoring implemented in Y.
with

monitoring as (
    select factory_id, status, evidence_ref
    from practices
    where year = $year
      and practice = 'participatory_monitoring'
),

final as (
    select
        e.factory_id as entity_id,
        e.name_th,
        e.name_en,
        e.subdistrict_code,
        e.kind,
        e.controlled_factory,
        m.status = 'implemented' as counted,
        false as in_denominator,
        case when m.status = 'implemented' then 1.0 else 0.0 end as num,
        0.0 as den,
        case when m.status = 'implemented' then 'meets' else 'planned_only' end as reason,
        m.evidence_ref as detail
    from establishments as e
    inner join monitoring as m using (factory_id)
    where $area = 'all' or e.subdistrict_code = $area
)

select * from final
order by counted desc, entity_id
