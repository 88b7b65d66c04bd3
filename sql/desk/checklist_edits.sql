-- The edit history of one checklist table ($table) in one fiscal year ($fiscal_year, BE; every year when null),
-- newest first: who changed which item, from what to what, when, and what kind of change it was. The columns are
-- the console's view edit_log (migration 016) but the table's name.
select * exclude (table_name)  -- noqa: AM04
from edit_log
where table_name = $table
    and ($fiscal_year is null or fiscal_year = $fiscal_year)
order by edit_id desc
limit 5000
