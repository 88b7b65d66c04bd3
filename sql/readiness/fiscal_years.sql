-- Every fiscal year (BE) that has an action plan or an evidence checklist, newest first.
with

plans as (
    select
        fiscal_year,
        count(*) as activities
    from activities
    group by fiscal_year
),

checklists as (
    select
        fiscal_year,
        count(*) as evidence_items
    from evidence
    group by fiscal_year
),

final as (
    select
        fiscal_year,
        coalesce(p.activities, 0) as activities,
        coalesce(c.evidence_items, 0) as evidence_items
    from plans as p
    full outer join checklists as c using (fiscal_year)
)

select * from final
order by fiscal_year desc
