-- What a fiscal year of one checklist table has been through: when it was last started from a copy (null if
-- never), and how many cells were edited in it since then. Removing a copied year is allowed while it holds none.
with

copies as (
    select max(edit_id) as copy_id
    from checklist_edits
    where table_name = $table and fiscal_year = $fiscal_year and kind = 'copy_year'
),

final as (
    select
        c.copy_id,
        (
            select count(*)
            from checklist_edits as e
            where e.table_name = $table
                and e.fiscal_year = $fiscal_year
                and e.kind in ('edit', 'keep_mine')
                and e.edit_id > coalesce(c.copy_id, 0)
        ) as edits_since
    from copies as c
)

select * from final
