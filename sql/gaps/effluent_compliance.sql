-- Who could close 7.1.1's gap in $year and $area: establishments (factories and mines) sampled in $year with a
-- sample outside its parameter's limits, closest first: the smallest total excess over the limits (each
-- exceeding sample's distance from its limit, relative to the limit). detail: the worst sample against its limit.
with

samples as (
    select
        s.factory_id,
        s.parameter,
        s.value,
        st.unit,
        st.min_value,
        st.max_value,
        case
            when st.max_value is not null and s.value > st.max_value then (s.value - st.max_value) / greatest(st.max_value, 1e-9)
            when st.min_value is not null and s.value < st.min_value then (st.min_value - s.value) / greatest(st.min_value, 1e-9)
            else 0.0
        end as excess
    from effluent_samples as s
    inner join effluent_standards as st using (parameter)
    where year(s.sampled_on) = $year
),

worst as (
    select
        factory_id,
        sum(excess) as excess,
        arg_max(
            case
                when max_value is not null and value > max_value then format('{} {:.4g} > {:g} {}', parameter, value, max_value, unit)
                else format('{} {:.4g} < {:g} {}', parameter, value, min_value, unit)
            end,
            excess
        ) as detail
    from samples
    group by factory_id
    having max(excess) > 0
),

final as (
    select
        'closest' as why,
        e.factory_id as entity_id,
        w.detail,
        w.excess as distance
    from worst as w
    inner join establishments as e using (factory_id)
    where $area = 'all' or e.subdistrict_code = $area
)

select * from final
