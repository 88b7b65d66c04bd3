-- Every recorded change of a criterion, newest first, with the version it changed.
select
    change_id,
    coalesce(version, 'diw-2562') as version,
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
