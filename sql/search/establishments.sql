-- Every establishment as the search page filters it, for year $year: open or closed, certificates valid
-- in the year (schemes and the highest GI level), practices implemented in the year, and whether a
-- report and effluent samples exist for the year. A certificate is valid under the one rule of SPEC §3
-- (valid_certificates_in: issued by the year, not expired before it), whether or not the establishment
-- has closed; the open/closed filter says that, and the indicators leave closed factories out through P(Y).
with

valid as (
    select
        factory_id,
        list(distinct scheme order by scheme) as schemes,
        max(level) filter (where scheme = 'GI') as gi_level
    from valid_certificates_in([$year]::integer[])
    group by factory_id
),

implemented as (
    select
        factory_id,
        list(distinct practice order by practice) as practices
    from practices
    where year = $year and status = 'implemented'
    group by factory_id
),

reported as (
    select distinct factory_id from annual_reports
    where year = $year
),

sampled as (
    select
        factory_id,
        count(*) as samples
    from effluent_samples
    where year(sampled_on) = $year
    group by factory_id
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.name_en,
        e.kind,
        e.diw_type,
        e.industry,
        e.subdistrict_code,
        e.lat,
        e.lon,
        e.registered_year,
        e.closed_year,
        (e.registered_year is null or e.registered_year <= $year) and (e.closed_year is null or e.closed_year > $year) as open_in_year,
        coalesce(v.schemes, []) as schemes,
        v.gi_level,
        coalesce(i.practices, []) as practices,
        r.factory_id is not null as has_report,
        coalesce(s.samples, 0) as samples
    from establishments as e
    left join valid as v using (factory_id)
    left join implemented as i using (factory_id)
    left join reported as r using (factory_id)
    left join sampled as s using (factory_id)
)

select * from final
order by factory_id
