-- Code lists are reference data (issue 25): practices, certificate schemes, respondent types, survey questions,
-- infrastructure systems and green-area categories, with their Thai and English labels, in `codes`
-- (seeded from data/reference/codes.csv by `store init`; store/codes.py). A new code is one row.
--
-- The CHECK constraints of 001 that listed these codes go: DuckDB cannot alter a CHECK, so the five tables are
-- rebuilt with the same definitions bar those lists, and their rows copied across. The loader checks a code
-- against `codes` (as it checks subdistrict codes against `subdistricts`). No foreign key takes their place: a
-- key into `codes` would need the list beside every code, and DuckDB rewrites an update of an indexed column
-- as delete + insert, which a referenced row cannot survive. The <table>_history twins hold no constraints and
-- keep their columns; no index or view names these tables.

create table codes (
    list varchar not null,
    code varchar not null check (length(code) between 1 and 40),
    name_th varchar not null,
    name_en varchar not null,
    sort_order integer not null default 0,
    primary key (list, code)
);

create table certifications_copy as select * from certifications;
create table practices_copy as select * from practices;
create table green_areas_copy as select * from green_areas;
create table surveys_copy as select * from surveys;
create table infrastructure_copy as select * from infrastructure;
drop table certifications;
drop table practices;
drop table green_areas;
drop table surveys;
drop table infrastructure;

create table certifications (
    factory_id varchar not null references establishments (factory_id),
    scheme varchar not null,
    issued_on date not null,
    level integer check (level between 1 and 5),
    expires_on date,
    batch_id bigint,
    primary key (factory_id, scheme, issued_on),
    check (scheme <> 'GI' or level is not null),
    check (expires_on is null or expires_on >= issued_on)
);

insert into certifications select * from certifications_copy;

create table practices (
    factory_id varchar not null references establishments (factory_id),
    year integer not null,
    practice varchar not null,
    status varchar not null check (status in ('planned', 'implemented')),
    evidence_ref varchar,
    batch_id bigint,
    primary key (factory_id, year, practice)
);

insert into practices select * from practices_copy;

create table green_areas (
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    year integer not null,
    category varchar not null,
    name varchar not null,
    green_area_m2 double not null check (green_area_m2 >= 0),
    batch_id bigint,
    primary key (subdistrict_code, year, category, name)
);

insert into green_areas select * from green_areas_copy;

create table surveys (
    survey_id varchar not null,
    respondent_id varchar not null,
    question varchar not null,
    year integer not null,
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    respondent_type varchar not null,
    score integer not null check (score between 1 and 5),
    batch_id bigint,
    primary key (survey_id, respondent_id, question)
);

insert into surveys select * from surveys_copy;

create table infrastructure (
    project_id varchar primary key,
    name varchar not null,
    system varchar not null,
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    year integer not null,
    status varchar not null check (status in ('planned', 'in_progress', 'completed')),
    eco_design boolean,
    budget_thb double check (budget_thb >= 0),
    batch_id bigint
);

insert into infrastructure select * from infrastructure_copy;

drop table certifications_copy;
drop table practices_copy;
drop table green_areas_copy;
drop table surveys_copy;
drop table infrastructure_copy;
