-- The latest browser edits of one checklist table.
select
    edit_id,
    row_key,
    column_name,
    before_value,
    after_value,
    edited_by,
    edited_at
from checklist_edits
where table_name = $table
order by edit_id desc
limit 500
