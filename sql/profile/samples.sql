-- Effluent samples against the legal limits, for one establishment ($factory_id) or for every
-- establishment in an area and year ($factory_id null).
select
    s.factory_id,
    e.name_th,
    e.name_en,
    s.sampled_on,
    s.parameter,
    s.value,
    s.unit,
    st.min_value,
    st.max_value,
    st.name_th as parameter_th,
    st.name_en as parameter_en,
    not(
        (st.min_value is null or s.value >= st.min_value)
        and (st.max_value is null or s.value <= st.max_value)
    ) as exceeds
from effluent_samples as s
inner join effluent_standards as st using (parameter)
inner join establishments as e using (factory_id)
where ($factory_id is null or s.factory_id = $factory_id)
    and ($year is null or year(s.sampled_on) = $year)
    and ($area = 'all' or e.subdistrict_code = $area)
order by s.parameter, s.sampled_on
