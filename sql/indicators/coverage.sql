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
    select year, factory_id, subdistrict_code from factory_populations($years::integer[])
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

reported as (
    select distinct year, factory_id from annual_reports where list_contains($years::integer[], year)
),

practised as (
    select distinct year, factory_id from practices where list_contains($years::integer[], year)
),

certified as (
    select distinct year, factory_id from valid_certificates_in($years::integer[])
),

sampled as (
    select distinct
        year(sampled_on) as year,
        factory_id
    from effluent_samples
    where list_contains($years::integer[], year(sampled_on))
),

factories as (
    select
        p.year,
        p.subdistrict_code,
        count(*) as expected,
        count(r.factory_id) as reports,
        count(pr.factory_id) as practices,
        count(*) filter (where pr.factory_id is not null or c.factory_id is not null) as practised_or_certified
    from population as p
    left join reported as r on r.year = p.year and r.factory_id = p.factory_id
    left join practised as pr on pr.year = p.year and pr.factory_id = p.factory_id
    left join certified as c on c.year = p.year and c.factory_id = p.factory_id
    group by p.year, p.subdistrict_code
),

establishments_operating as (
    select
        o.year,
        o.subdistrict_code,
        count(*) as expected,
        count(s.factory_id) as samples,
        count(pr.factory_id) as practices
    from operating as o
    left join sampled as s on s.year = o.year and s.factory_id = o.factory_id
    left join practised as pr on pr.year = o.year and pr.factory_id = o.factory_id
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
    left join green_areas as g on g.year = y.year and g.subdistrict_code = d.subdistrict_code
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
    select 'reports' as basis, year, subdistrict_code, reports as reported, expected from factories
    union all
    select 'practices', year, subdistrict_code, practices, expected from factories
    union all
    select 'practised_or_certified', year, subdistrict_code, practised_or_certified, expected from factories
    union all
    select 'samples', year, subdistrict_code, samples, expected from establishments_operating
    union all
    select 'establishment_practices', year, subdistrict_code, practices, expected from establishments_operating
    union all
    select 'green', year, subdistrict_code, reported, expected from green
    union all
    select 'projects', year, subdistrict_code, reported, expected from projects
)

select * from final
