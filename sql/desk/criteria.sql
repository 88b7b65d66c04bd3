-- One criteria version's indicators as the admin's editor shows them.
select
    code,
    level,
    name_th,
    name_en,
    unit,
    comparator,
    threshold,
    provisional
from criteria
where version = $version
order by level, sort_order, code
