-- The evidence checklist as the checklist editor shows it, with each row's version (what the page read);
-- one fiscal year, or every year when $fiscal_year is null.
select
    fiscal_year,
    indicator_code,
    item_no,
    description_th,
    description_en,
    responsible,
    status,
    reference,
    row_version
from evidence
where $fiscal_year is null or fiscal_year = $fiscal_year
order by fiscal_year desc, string_split(indicator_code, '.')::integer[], item_no asc
