-- Start fiscal year $target's evidence checklist from a copy of $source's: the same items and agencies,
-- every item missing again (a new assessment round needs new evidence). $shift is unused here.
insert into evidence (fiscal_year, indicator_code, item_no, description_th, description_en, responsible, status)
select
    $target as fiscal_year,
    indicator_code,
    item_no,
    description_th,
    description_en,
    responsible,
    'missing' as status
from evidence
where fiscal_year = $source and $shift is not null
returning item_no
