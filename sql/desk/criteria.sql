-- The criteria as the admin's editor shows them.
select
    code,
    level,
    name_th,
    name_en,
    unit,
    comparator,
    threshold,
    provisional
from indicators
order by level, sort_order
