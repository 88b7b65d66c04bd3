-- The evidence checklist as the checklist editor shows it.
select
    indicator_code,
    item_no,
    description_th,
    description_en,
    responsible,
    status,
    reference
from evidence
order by string_split(indicator_code, '.')::integer[], item_no
