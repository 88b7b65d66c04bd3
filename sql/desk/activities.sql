-- The action plan's activities as the checklist editor shows them.
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
    target_participants
from activities
order by fiscal_year desc, activity_id
