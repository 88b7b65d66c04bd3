-- 7.1.1: establishments (factories and mines) in the area with at least one sample in Y; one
-- complies when every sample in Y lies within its parameter's limits.
with

establishments_in_area as (
    select * from establishments where $area = 'all' or subdistrict_code = $area
),

samples as (
    select
        s.factory_id,
        s.parameter,
        s.value,
        (st.min_value is null or s.value >= st.min_value)
            and (st.max_value is null or s.value <= st.max_value) as within_limits
    from effluent_samples as s
    inner join effluent_standards as st using (parameter)
    where year(s.sampled_on) = $year
),

per_establishment as (
    select
        factory_id,
        count(*) as samples,
        count(*) filter (where not within_limits) as exceedances,
        string_agg(case when not within_limits then parameter || ' ' || value end, ', ') as exceeded
    from samples
    group by factory_id
),

final as (
    select
        e.factory_id as entity_id,
        e.name_th,
        e.name_en,
        e.subdistrict_code,
        e.kind,
        e.controlled_factory,
        s.exceedances = 0 as counted,
        true as in_denominator,
        case when s.exceedances = 0 then 1.0 else 0.0 end as num,
        1.0 as den,
        case when s.exceedances = 0 then 'complies' else 'exceeded' end as reason,
        s.samples,
        s.exceedances,
        s.exceeded as detail
    from establishments_in_area as e
    inner join per_establishment as s using (factory_id)
)

select * from final
order by counted, exceedances desc, entity_id
