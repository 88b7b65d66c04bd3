-- th: ผลตรวจน้ำทิ้งที่เกินมาตรฐาน แยกตามพารามิเตอร์และปี
-- en: Effluent samples outside the standard, by parameter and year
with

judged as (
    select
        s.parameter,
        s.year_be,
        s.factory_id,
        (
            (st.min_value is not null and s.value < st.min_value)
            or (st.max_value is not null and s.value > st.max_value)
        ) as exceeded
    from effluent_samples_be as s
    inner join effluent_standards as st using (parameter)
)

select
    parameter,
    year_be,
    count(*) as samples,
    count(*) filter (where exceeded) as exceedances,
    count(distinct factory_id) filter (where exceeded) as establishments_exceeding,
    round(100.0 * count(*) filter (where exceeded) / count(*), 1) as exceedance_pct
from judged
group by parameter, year_be
having count(*) filter (where exceeded) > 0
order by year_be desc, exceedances desc
