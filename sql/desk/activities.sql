-- The action plan's activities as the checklist editor shows them, with each row's version (what the page
-- read); one fiscal year, or every year when $fiscal_year is null.
select
    fiscal_year,
    activity_id,
    title_th,
    responsible,
    planned_start,
    planned_end,
    status,
    done_on,
    participants,
    target_participants,
    row_version
from activities
where $fiscal_year is null or fiscal_year = $fiscal_year
order by fiscal_year desc, try_cast(string_split(activity_id, '.') as integer[]) nulls last, activity_id asc
