-- 18.1.1: evidence items of the indicator with status ready / all its items (not by year or area).
with

items as (
    select * from evidence where indicator_code = $code
),

final as (
    select
        indicator_code || '.' || item_no as entity_id,
        description_th as name_th,
        description_en as name_en,
        null::varchar as subdistrict_code,
        'evidence' as kind,
        null::boolean as controlled_factory,
        status = 'ready' as counted,
        true as in_denominator,
        case when status = 'ready' then 1.0 else 0.0 end as num,
        1.0 as den,
        status as reason,
        reference as detail,
        item_no
    from items
)

select * from final
order by item_no
