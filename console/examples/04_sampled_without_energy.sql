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

final as (
    select
        s.factory_id,
        e.name_th,
        e.kind,
        e.subdistrict_code,
        s.year_be,
        s.samples,
        (select max(r.year_be) from annual_reports_be as r where r.factory_id = s.factory_id and r.energy_total_gj is not null)
            as last_energy_year_be
    from sampled as s
    inner join establishments as e using (factory_id)
    where not exists (
        select 1
        from annual_reports as r
        where r.factory_id = s.factory_id
          and r.year = s.year
          and r.energy_total_gj is not null
    )
)

select * from final
order by year_be desc, factory_id
