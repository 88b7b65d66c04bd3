-- The evidence checklist as the checklist editor shows it.
select
    fiscal_year,
    indicator_code,
    item_no,
    description_th,
    description_en,
    responsible,
    status,
    reference
from evidence
order by fiscal_year desc, string_split(indicator_code, '.')::integer[], item_no
