-- th: สิบโรงงานที่ปล่อยก๊าซเรือนกระจกมากที่สุดในปีล่าสุด
-- en: The ten largest greenhouse-gas emitters in the latest year
with

latest as (
    select max(year) as year
    from annual_reports
)

select
    r.factory_id,
    e.name_th,
    e.industry,
    r.year_be,
    r.ghg_tco2e,
    round(r.ghg_tco2e / nullif(r.production_qty, 0), 4) as ghg_per_unit,
    r.production_unit
from annual_reports_be as r
inner join latest using (year)
inner join establishments as e using (factory_id)
where r.ghg_tco2e is not null
order by r.ghg_tco2e desc
limit 10
