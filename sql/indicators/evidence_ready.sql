-- 18.1.1: for each calendar year Y in $years, the evidence items of $code with status ready over all
-- its items, in the checklist of fiscal year Y+543 if there is one, else of the latest earlier fiscal
-- year that has one (evidence carries forward until a new round starts). Town-wide: no subdistrict.
with

years as (
    select unnest($years::integer[]) as year
),

checklist_years as (
    select distinct fiscal_year from evidence
),

applies as (
    select
        y.year,
        max(c.fiscal_year) as fiscal_year
    from years as y
    inner join checklist_years as c on c.fiscal_year <= y.year + 543
    group by y.year
),

final as (
    select
        e.indicator_code as code,
        a.year,
        e.indicator_code || '.' || e.item_no as entity_id,
        e.description_th as name_th,
        e.description_en as name_en,
        null::varchar as subdistrict_code,
        'evidence' as kind,
        null::boolean as controlled_factory,
        e.status = 'ready' as counted,
        true as in_denominator,
        case when e.status = 'ready' then 1.0::double else 0.0::double end as num,
        1.0::double as den,
        e.status as reason,
        e.reference as detail,
        e.item_no,
        e.fiscal_year,
        e.responsible
    from applies as a
    inner join evidence as e using (fiscal_year)
    where e.indicator_code = $code
)

select * from final
