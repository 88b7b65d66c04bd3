-- Who could close 15.1.1's gap in $year and $area: establishments with participatory monitoring planned in
-- $year and not yet implemented.
with

final as (
    select
        'planned' as why,
        e.factory_id as entity_id,
        p.practice as detail
    from practices as p
    inner join establishments as e using (factory_id)
    where p.year = $year
        and p.practice = 'participatory_monitoring'
        and p.status = 'planned'
        and ($area = 'all' or e.subdistrict_code = $area)
)

select * from final
