-- Start fiscal year $target's action plan from a copy of $source's: the same activities, dates moved by
-- $shift years, status planned, nothing done yet.
insert into activities (
    fiscal_year, activity_id, title_th, title_en, indicator_code, responsible, planned_start, planned_end,
    status, target_participants
)
select
    $target as fiscal_year,
    activity_id,
    title_th,
    title_en,
    indicator_code,
    responsible,
    planned_start + to_years($shift::integer) as planned_start,
    planned_end + to_years($shift::integer) as planned_end,
    'planned' as status,
    target_participants
from activities
where fiscal_year = $source
returning activity_id
