-- th: โรงโม่หินที่ใช้น้ำต่อหน่วยผลิตภัณฑ์ลดลงสองปีติดกัน
-- en: Stone crushers whose water use per unit of product fell two years running
with

intensity as (
    select
        r.factory_id,
        r.year,
        r.year_be,
        r.water_use_m3 / r.production_qty as water_per_unit
    from annual_reports_be as r
    where r.water_use_m3 is not null
        and r.production_qty > 0
        and r.factory_id in (
            select e.factory_id from establishments as e
            where e.industry = 'โม่บดและย่อยหิน'
        )
),

changes as (
    select
        factory_id,
        year,
        year_be,
        water_per_unit,
        lag(water_per_unit) over (partition by factory_id order by year) as year_before,
        lag(water_per_unit, 2) over (partition by factory_id order by year) as two_years_before,
        lag(year, 2) over (partition by factory_id order by year) as first_year
    from intensity
),

final as (
    select
        c.factory_id,
        e.name_th,
        c.year_be,
        round(c.two_years_before, 3) as water_per_unit_y2,
        round(c.year_before, 3) as water_per_unit_y1,
        round(c.water_per_unit, 3) as water_per_unit_y0
    from changes as c
    inner join establishments as e using (factory_id)
    where c.first_year = c.year - 2
        and c.year_before < c.two_years_before
        and c.water_per_unit < c.year_before
)

select * from final
order by year_be desc, factory_id asc
