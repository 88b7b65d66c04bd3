-- The edit history of one checklist table ($table) in one fiscal year ($fiscal_year, BE; every year when null),
-- newest first: who changed which item, from what to what, when, and what kind of change it was.
select
    edit_id,
    fiscal_year,
    row_key,
    column_name,
    before_value,
    after_value,
    kind,
    edited_by,
    edited_at
from checklist_edits
where table_name = $table
    and ($fiscal_year is null or fiscal_year = $fiscal_year)
order by edit_id desc
limit 5000
