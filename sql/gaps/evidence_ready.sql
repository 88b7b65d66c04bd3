-- Who could close an evidence indicator's gap ($code, e.g. 18.1.1) in $year: its items in progress in the
-- checklist that applies to $year (fiscal year $year + 543, else the latest earlier one). Town-wide.
with

applies as (
    select max(fiscal_year) as fiscal_year
    from evidence
    where fiscal_year <= $year + 543
),

final as (
    select
        'in_progress' as why,
        e.indicator_code || '.' || e.item_no as entity_id,
        e.description_th as name_th,
        e.description_en as name_en,
        coalesce(e.responsible, '') as detail,
        e.item_no::double as distance
    from evidence as e
    inner join applies using (fiscal_year)
    where e.indicator_code = $code
        and e.status = 'in_progress'
)

select * from final
