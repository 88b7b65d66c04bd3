-- The action plan of one fiscal year ($fiscal_year, BE): every activity with its dates and participants.
select
    fiscal_year,
    activity_id,
    title_th,
    title_en,
    indicator_code,
    responsible,
    planned_start,
    planned_end,
    status,
    done_on,
    participants,
    target_participants
from activities
where fiscal_year = $fiscal_year
-- try_cast: a number of another shape (loaded before the upload rule refused it) sorts last instead of failing the page
order by try_cast(string_split(activity_id, '.') as integer[]) nulls last, activity_id
