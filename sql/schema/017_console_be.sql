-- Buddhist-era views for the SQL console (issue 28): every year is stored in CE (SPEC §1), while every year on
-- screen in Thai is BE, so an analyst who writes `where year = 2566` finds nothing. Each view is its table with
-- the CE years beside their BE values (year_be = year + 543), keys first; `* exclude` keeps every other column,
-- and DuckDB binds a view when it is read, so a column added to the table later shows here too (hence noqa: AM04).
-- activities and evidence need none: their fiscal_year is stored in BE already.

create or replace view establishments_be as
select
    factory_id,
    registered_year,
    registered_year + 543 as registered_year_be,
    closed_year,
    closed_year + 543 as closed_year_be,
    * exclude (factory_id, registered_year, closed_year)  -- noqa: AM04
from establishments;

create or replace view annual_reports_be as
select
    factory_id,
    year,
    year + 543 as year_be,
    * exclude (factory_id, year)  -- noqa: AM04
from annual_reports;

create or replace view certifications_be as
select
    factory_id,
    scheme,
    issued_on,
    year(issued_on) + 543 as issued_year_be,
    expires_on,
    year(expires_on) + 543 as expires_year_be,
    * exclude (factory_id, scheme, issued_on, expires_on)  -- noqa: AM04
from certifications;

create or replace view practices_be as
select
    factory_id,
    year,
    year + 543 as year_be,
    * exclude (factory_id, year)  -- noqa: AM04
from practices;

create or replace view effluent_samples_be as
select
    factory_id,
    sampled_on,
    year(sampled_on) + 543 as year_be,
    * exclude (factory_id, sampled_on)  -- noqa: AM04
from effluent_samples;

create or replace view green_areas_be as
select
    subdistrict_code,
    year,
    year + 543 as year_be,
    * exclude (subdistrict_code, year)  -- noqa: AM04
from green_areas;

create or replace view surveys_be as
select
    survey_id,
    respondent_id,
    question,
    year,
    year + 543 as year_be,
    * exclude (survey_id, respondent_id, question, year)  -- noqa: AM04
from surveys;

create or replace view infrastructure_be as
select
    project_id,
    year,
    year + 543 as year_be,
    * exclude (project_id, year)  -- noqa: AM04
from infrastructure;
