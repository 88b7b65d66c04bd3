-- th: เอกสารหลักฐานที่ยังไม่พร้อม แยกตามปีงบประมาณและตัวชี้วัด
-- en: Evidence items not yet ready, by fiscal year and indicator
select
    fiscal_year,
    indicator_code,
    count(*) as items,
    count(*) filter (where status = 'missing') as missing,
    count(*) filter (where status = 'in_progress') as in_progress,
    string_agg(item_no::varchar, ', ' order by item_no) as item_numbers
from evidence
where status <> 'ready'
group by all
order by fiscal_year desc, indicator_code asc
