-- Data coverage (SPEC §5 `coverage`): for each year in $years and subdistrict, how many of the things an
-- indicator rests on reported for the year (basis), of how many were expected. Shown beside the values,
-- never changing them. Bases: factories in P with an annual report / practices / practices or a valid
-- certificate; establishments (factories and mines) operating with a sample / with practices; subdistricts
-- with green-area rows; infrastructure projects of the year.
with

years as (
    select unnest($years::integer[]) as year
),

population as (
    select
        year,
        factory_id,
        subdistrict_code
    from factory_populations($years::integer[])
),

operating as (
    select
        y.year,
        e.factory_id,
        e.subdistrict_code
    from establishments as e
    cross join years as y
    where (e.registered_year is null or e.registered_year <= y.year)
        and (e.closed_year is null or e.closed_year > y.year)
),

returns as (
    -- one row per thing a factory or mine reported for a year, one line a source: its annual report, a practice, a
    -- valid certificate, an effluent sample
    select year, factory_id, 'report' as what from annual_reports where list_contains($years::integer[], year)  -- noqa: LT09, LT14
    union all
    select year, factory_id, 'practice' as what from practices where list_contains($years::integer[], year)  -- noqa: LT09, LT14
    union all
    select year, factory_id, 'certificate' as what from valid_certificates_in($years::integer[])  -- noqa: LT09, LT14
    union all
    select year(sampled_on) as year, factory_id, 'sample' as what from effluent_samples  -- noqa: LT09, LT14
    where list_contains($years::integer[], year(sampled_on))
),

reported_what as (
    -- one row per establishment and year with what it reported
    select
        year,
        factory_id,
        bool_or(what = 'report') as has_report,
        bool_or(what = 'practice') as has_practice,
        bool_or(what = 'certificate') as has_certificate,
        bool_or(what = 'sample') as has_sample
    from returns
    group by year, factory_id
),

factories as (
    select
        p.year,
        p.subdistrict_code,
        count(*) as expected,
        count(*) filter (where r.has_report) as reports,
        count(*) filter (where r.has_practice) as practices,
        count(*) filter (where r.has_practice or r.has_certificate) as practised_or_certified
    from population as p
    left join reported_what as r on p.year = r.year and p.factory_id = r.factory_id
    group by p.year, p.subdistrict_code
),

establishments_operating as (
    select
        o.year,
        o.subdistrict_code,
        count(*) as expected,
        count(*) filter (where r.has_sample) as samples,
        count(*) filter (where r.has_practice) as practices
    from operating as o
    left join reported_what as r on o.year = r.year and o.factory_id = r.factory_id
    group by o.year, o.subdistrict_code
),

green as (
    select
        y.year,
        d.subdistrict_code,
        1 as expected,
        (count(g.name) > 0)::integer as reported
    from years as y
    cross join subdistricts as d
    left join green_areas as g on y.year = g.year and d.subdistrict_code = g.subdistrict_code
    group by y.year, d.subdistrict_code
),

projects as (
    select
        year,
        subdistrict_code,
        count(*) as expected,
        count(*) as reported
    from infrastructure
    where list_contains($years::integer[], year)
    group by year, subdistrict_code
),

final as (
    select
        'reports' as basis,
        year,
        subdistrict_code,
        reports as reported,
        expected
    from factories
    union all
    select
        'practices' as basis,
        year,
        subdistrict_code,
        practices as reported,
        expected
    from factories
    union all
    select
        'practised_or_certified' as basis,
        year,
        subdistrict_code,
        practised_or_certified as reported,
        expected
    from factories
    union all
    select
        'samples' as basis,
        year,
        subdistrict_code,
        samples as reported,
        expected
    from establishments_operating
    union all
    select
        'establishment_practices' as basis,
        year,
        subdistrict_code,
        practices as reported,
        expected
    from establishments_operating
    union all
    select
        'green' as basis,
        year,
        subdistrict_code,
        reported,
        expected
    from green
    union all
    select
        'projects' as basis,
        year,
        subdistrict_code,
        reported,
        expected
    from projects
)

select * from final
