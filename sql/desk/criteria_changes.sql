-- Every recorded change of a criterion, newest first.
select
    change_id,
    code,
    threshold_before,
    threshold_after,
    provisional_before,
    provisional_after,
    reason,
    changed_by,
    changed_at
from criteria_changes
order by change_id desc
