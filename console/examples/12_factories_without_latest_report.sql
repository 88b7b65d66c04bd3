-- th: โรงงานที่ยังเปิดอยู่แต่ไม่มีรายงานประจำปีของปีล่าสุด
-- en: Open factories with no annual report for the latest year
with

latest as (
    select
        max(year) as year,
        max(year_be) as year_be
    from annual_reports_be
),

last_report as (
    select
        factory_id,
        max(year_be) as last_report_year_be
    from annual_reports_be
    group by factory_id
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.industry,
        e.subdistrict_code,
        l.year_be as missing_year_be,
        r.last_report_year_be
    from establishments as e
    cross join latest as l
    left join last_report as r on e.factory_id = r.factory_id
    where
        e.kind = 'factory'
        and (e.registered_year is null or e.registered_year <= l.year)
        and (e.closed_year is null or e.closed_year > l.year)
        and not exists (
            select 1
            from annual_reports as a
            where
                a.factory_id = e.factory_id
                and a.year = l.year
        )
)

select * from final
order by subdistrict_code asc, factory_id asc
