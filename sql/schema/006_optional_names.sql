-- SPEC §2 (this wave): establishments.name_th is optional. The DIW registry withholds the names of
-- factories owned by natural persons; the registration number is the key and is shown in their place.
-- DuckDB cannot alter a table that foreign keys point at, so the table and the four that refer to it
-- are rebuilt with the same definitions as 001 (bar the NOT NULL) and their rows copied across.

create table annual_reports_copy as select * from annual_reports;
create table certifications_copy as select * from certifications;
create table practices_copy as select * from practices;
create table effluent_samples_copy as select * from effluent_samples;
create table establishments_copy as select * from establishments;
drop table annual_reports;
drop table certifications;
drop table practices;
drop table effluent_samples;
drop table establishments;

create table establishments (
    factory_id varchar primary key,
    name_th varchar,
    name_en varchar,
    kind varchar not null check (kind in ('factory', 'mine')),
    diw_type varchar,
    industry varchar,
    -- No foreign key here on purpose: DuckDB rewrites an update of an indexed column as
    -- delete + insert, which a referenced establishment cannot survive. The loader checks the code.
    subdistrict_code varchar not null,
    lat double check (lat between 5.5 and 20.5),
    lon double check (lon between 97.3 and 105.7),
    in_industrial_zone boolean,
    controlled_factory boolean,
    registered_year integer,
    closed_year integer,
    batch_id bigint,
    check (closed_year is null or registered_year is null or closed_year >= registered_year)
);

insert into establishments select * from establishments_copy;

create table annual_reports (
    factory_id varchar not null references establishments (factory_id),
    year integer not null,
    production_qty double check (production_qty > 0),
    production_unit varchar,
    water_use_m3 double check (water_use_m3 >= 0),
    wastewater_m3 double check (wastewater_m3 >= 0),
    waste_generated_t double check (waste_generated_t >= 0),
    waste_3r_t double check (waste_3r_t >= 0),
    energy_total_gj double check (energy_total_gj >= 0),
    energy_renewable_gj double check (energy_renewable_gj >= 0),
    ghg_tco2e double check (ghg_tco2e >= 0),
    green_area_m2 double check (green_area_m2 >= 0),
    investment_thb double check (investment_thb >= 0),
    water_intensity_target double check (water_intensity_target >= 0),
    wastewater_intensity_target double check (wastewater_intensity_target >= 0),
    batch_id bigint,
    primary key (factory_id, year),
    check (waste_3r_t is null or waste_generated_t is null or waste_3r_t <= waste_generated_t),
    check (energy_renewable_gj is null or energy_total_gj is null or energy_renewable_gj <= energy_total_gj)
);

insert into annual_reports select * from annual_reports_copy;

create table certifications (
    factory_id varchar not null references establishments (factory_id),
    scheme varchar not null
        check (scheme in ('GI', 'CSR_DIW', 'CSR_BEGINNER', 'ECO_FACTORY', 'ISO14001', 'TEA', 'CFO', 'CFR')),
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
    practice varchar not null check (practice in (
        'eco_building', 'eco_product', 'green_purchasing', 'logistics', 'energy_efficiency',
        'eco_process', 'raw_material_efficiency', 'eco_efficiency_analysis', 'mass_balance',
        'symbiosis', 'ghg_reduction', 'waste_3r_plan', 'safety_env_disclosure',
        'participatory_monitoring'
    )),
    status varchar not null check (status in ('planned', 'implemented')),
    evidence_ref varchar,
    batch_id bigint,
    primary key (factory_id, year, practice)
);

insert into practices select * from practices_copy;

create table effluent_samples (
    factory_id varchar not null references establishments (factory_id),
    sampled_on date not null,
    parameter varchar not null references effluent_standards (parameter),
    value double not null check (value >= 0),
    unit varchar not null,
    batch_id bigint,
    primary key (factory_id, sampled_on, parameter),
    check (parameter <> 'pH' or value <= 14)
);

insert into effluent_samples select * from effluent_samples_copy;

drop table establishments_copy;
drop table annual_reports_copy;
drop table certifications_copy;
drop table practices_copy;
drop table effluent_samples_copy;
