-- th: อัตราการนำกากของเสียกลับมาใช้ (3Rs) แยกตามประเภทอุตสาหกรรม ในปีล่าสุด
-- en: Waste reused or recycled (3Rs) by industry in the latest year
with

latest as (
    select max(year) as year
    from annual_reports
)

select
    r.year_be,
    coalesce(e.industry, '-') as industry,
    count(*) as reports,
    round(sum(r.waste_generated_t), 1) as waste_generated_t,
    round(sum(r.waste_3r_t), 1) as waste_3r_t,
    round(100.0 * sum(r.waste_3r_t) / nullif(sum(r.waste_generated_t), 0), 1) as rate_3r_pct
from annual_reports_be as r
inner join latest using (year)
inner join establishments as e using (factory_id)
where r.waste_generated_t is not null
group by all
order by rate_3r_pct desc nulls last
