-- th: จำนวนสถานประกอบการที่ยังเปิดอยู่ แยกตามตำบลและประเภทอุตสาหกรรม
-- en: Open establishments by subdistrict and industry
select
    s.subdistrict_code,
    s.name_th as subdistrict,
    e.kind,
    coalesce(e.industry, '-') as industry,
    count(*) as establishments
from establishments as e
inner join subdistricts as s using (subdistrict_code)
where e.closed_year is null
group by all
order by s.subdistrict_code asc, e.kind asc, establishments desc
