-- th: สถานประกอบการที่ตรวจน้ำทิ้งในปีใดแต่ไม่ได้รายงานการใช้พลังงานของปีนั้น
-- en: Establishments that sampled effluent in a year but reported no energy use for it
with

sampled as (
    select
        factory_id,
        year(sampled_on) as year,
        year_be,
        count(*) as samples
    from effluent_samples_be
    group by all
),

energy_reports as (
    select
        factory_id,
        year,
        year_be
    from annual_reports_be
    where energy_total_gj is not null
),

last_energy as (
    select
        factory_id,
        max(year_be) as last_energy_year_be
    from energy_reports
    group by factory_id
),

final as (
    select
        s.factory_id,
        e.name_th,
        e.kind,
        e.subdistrict_code,
        s.year_be,
        s.samples,
        l.last_energy_year_be
    from sampled as s
    inner join establishments as e using (factory_id)
    left join last_energy as l using (factory_id)
    anti join energy_reports using (factory_id, year)
)

select * from final
order by year_be desc, factory_id asc
