-- 7.1.1: for each year Y in $years, establishments (factories and mines, whatever their registration)
-- with at least one sample in Y; one complies when every sample in Y lies within its parameter's limits.
with

samples as (
    select
        year(s.sampled_on) as year,
        s.factory_id,
        s.parameter,
        s.value,
        st.unit,
        (st.min_value is null or s.value >= st.min_value)
        and (st.max_value is null or s.value <= st.max_value) as within_limits
    from effluent_samples as s
    inner join effluent_standards as st using (parameter)
    where list_contains($years::integer[], year(s.sampled_on))
),

per_establishment as (
    select
        year,
        factory_id,
        count(*) as samples,
        count(*) filter (where not within_limits) as exceedances,
        string_agg(
            case when not within_limits then parameter || ' ' || value || ' ' || unit end, ', ' order by parameter asc, value desc
        ) as exceeded
    from samples
    group by year, factory_id
),

final as (
    select
        $code::varchar as code,
        s.year,
        e.factory_id as entity_id,
        e.name_th,
        e.name_en,
        e.subdistrict_code,
        e.kind,
        e.controlled_factory,
        s.exceedances = 0 as counted,
        true as in_denominator,
        case when s.exceedances = 0 then 1.0::double else 0.0::double end as num,
        1.0::double as den,
        case when s.exceedances = 0 then 'complies' else 'exceeded' end as reason,
        s.exceeded as detail,
        s.samples,
        s.exceedances
    from establishments as e
    inner join per_establishment as s using (factory_id)
)

select * from final
