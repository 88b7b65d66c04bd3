-- th: สัดส่วนพลังงานทดแทนต่อพลังงานทั้งหมด แยกตามปีและตำบล
-- en: Renewable share of energy use by year and subdistrict
select
    r.year_be,
    e.subdistrict_code,
    count(*) as reports,
    round(sum(r.energy_total_gj)) as energy_total_gj,
    round(sum(r.energy_renewable_gj)) as energy_renewable_gj,
    round(100.0 * sum(r.energy_renewable_gj) / nullif(sum(r.energy_total_gj), 0), 2) as renewable_pct
from annual_reports_be as r
inner join establishments as e using (factory_id)
where r.energy_total_gj is not null
group by all
order by r.year_be, e.subdistrict_code
