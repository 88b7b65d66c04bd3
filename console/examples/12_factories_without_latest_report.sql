-- th: โรงงานที่ยังเปิดอยู่แต่ไม่มีรายงานประจำปีของปีล่าสุด
-- en: Open factories with no annual report for the latest year
with

latest as (
    select
        max(year) as year,
        max(year_be) as year_be
    from annual_reports_be
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.industry,
        e.subdistrict_code,
        l.year_be as missing_year_be,
        (select max(r.year_be) from annual_reports_be as r where r.factory_id = e.factory_id) as last_report_year_be
    from establishments as e
    cross join latest as l
    where e.kind = 'factory'
      and (e.registered_year is null or e.registered_year <= l.year)
      and (e.closed_year is null or e.closed_year > l.year)
      and not exists (
          select 1
          from annual_reports as r
          where r.factory_id = e.factory_id
            and r.year = l.year
      )
)

select * from final
order by subdistrict_code, factory_id
