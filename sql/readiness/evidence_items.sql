-- The evidence checklist of one fiscal year ($fiscal_year, BE), each item with its indicator and level.
with

items as (
    select * from evidence
    where fiscal_year = $fiscal_year
),

final as (
    select
        e.fiscal_year,
        i.level,
        i.sort_order,
        e.indicator_code,
        i.name_th as indicator_th,
        i.name_en as indicator_en,
        e.item_no,
        e.description_th,
        e.description_en,
        e.responsible,
        e.status,
        e.reference
    from items as e
    inner join indicators as i on e.indicator_code = i.code
)

select * from final
order by level, sort_order, item_no
