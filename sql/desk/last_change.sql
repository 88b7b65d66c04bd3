-- Who last changed one checklist row ($table, $row_key) and when: the newest of its browser edits and of the
-- upload ($batch_id) that last wrote it. Used to name the change a stale save would overwrite.
with

edits as (
    select
        edited_by as changed_by,
        edited_at as changed_at
    from checklist_edits
    where table_name = $table and row_key = $row_key
),

uploads as (
    select
        loaded_by as changed_by,
        loaded_at as changed_at
    from batches
    where batch_id = $batch_id
),

final as (
    select * from edits
    union all
    select * from uploads
)

select * from final
order by changed_at desc
limit 1
