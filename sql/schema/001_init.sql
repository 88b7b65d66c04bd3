-- Reference tables, the batch log and the ten upload tables of SPEC §2.
-- Every upload table carries batch_id (the load that wrote the row; null for seed rows)
-- and has a <table>_history twin holding the rows a batch replaced, so rollback is exact.

create table subdistricts (
    subdistrict_code varchar primary key,
    name_th varchar not null,
    name_en varchar not null,
    district_th varchar not null,
    district_en varchar not null,
    area_m2 double not null check (area_m2 > 0)
);

create table effluent_standards (
    parameter varchar primary key,
    unit varchar not null,
    min_value double,
    max_value double,
    name_th varchar not null,
    name_en varchar not null,
    check (min_value is null or max_value is null or min_value <= max_value)
);

create table indicators (
    code varchar primary key,
    level integer not null check (level between 1 and 3),
    sort_order integer not null,
    unit varchar not null check (unit in ('percent', 'count')),
    comparator varchar not null check (comparator in ('ge', 'gt')),
    threshold double not null,
    provisional boolean not null,
    entity varchar not null,
    name_th varchar not null,
    name_en varchar not null
);

create sequence batch_id_seq start 1;

create table batches (
    batch_id bigint primary key default nextval('batch_id_seq'),
    table_name varchar not null,
    file_name varchar not null,
    sha256 varchar not null,
    encoding varchar,
    rows_in_file bigint not null,
    rows_inserted bigint not null,
    rows_replaced bigint not null,
    be_conversions bigint not null default 0,
    is_demo boolean not null default false,
    loaded_by varchar not null,
    loaded_at timestamp not null default current_timestamp,
    status varchar not null default 'loaded' check (status in ('loaded', 'rolled_back')),
    rolled_back_by varchar,
    rolled_back_at timestamp
);

create table establishments (
    factory_id varchar primary key,
    name_th varchar not null,
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

create table green_areas (
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    year integer not null,
    category varchar not null check (category in (
        'factory', 'industrial_zone', 'community', 'government', 'forest', 'community_forest',
        'private_forest', 'protection_strip', 'eco_buffer', 'other'
    )),
    name varchar not null,
    green_area_m2 double not null check (green_area_m2 >= 0),
    batch_id bigint,
    primary key (subdistrict_code, year, category, name)
);

create table surveys (
    survey_id varchar not null,
    respondent_id varchar not null,
    question varchar not null
        check (question in ('eco_town_awareness', 'disclosure_satisfaction', 'other')),
    year integer not null,
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    respondent_type varchar not null check (respondent_type in ('community', 'factory', 'agency')),
    score integer not null check (score between 1 and 5),
    batch_id bigint,
    primary key (survey_id, respondent_id, question)
);

create table infrastructure (
    project_id varchar primary key,
    name varchar not null,
    system varchar not null
        check (system in ('road', 'electricity', 'water_supply', 'wastewater', 'solid_waste', 'other')),
    subdistrict_code varchar not null references subdistricts (subdistrict_code),
    year integer not null,
    status varchar not null check (status in ('planned', 'in_progress', 'completed')),
    eco_design boolean,
    budget_thb double check (budget_thb >= 0),
    batch_id bigint
);

create table activities (
    activity_id varchar primary key,
    title_th varchar not null,
    title_en varchar,
    indicator_code varchar,
    responsible varchar,
    planned_start date,
    planned_end date,
    status varchar not null check (status in ('planned', 'in_progress', 'done', 'cancelled')),
    done_on date,
    participants integer check (participants >= 0),
    target_participants integer check (target_participants >= 0),
    batch_id bigint,
    check (planned_end is null or planned_start is null or planned_end >= planned_start)
);

create table evidence (
    indicator_code varchar not null references indicators (code),
    item_no integer not null check (item_no >= 1),
    description_th varchar not null,
    description_en varchar,
    responsible varchar,
    status varchar not null check (status in ('missing', 'in_progress', 'ready')),
    reference varchar,
    batch_id bigint,
    primary key (indicator_code, item_no)
);

-- Rows a batch replaced, kept so that rolling the batch back restores them exactly.
create table establishments_history as select *, 0::bigint as replaced_by_batch from establishments limit 0;
create table annual_reports_history as select *, 0::bigint as replaced_by_batch from annual_reports limit 0;
create table certifications_history as select *, 0::bigint as replaced_by_batch from certifications limit 0;
create table practices_history as select *, 0::bigint as replaced_by_batch from practices limit 0;
create table effluent_samples_history as select *, 0::bigint as replaced_by_batch from effluent_samples limit 0;
create table green_areas_history as select *, 0::bigint as replaced_by_batch from green_areas limit 0;
create table surveys_history as select *, 0::bigint as replaced_by_batch from surveys limit 0;
create table infrastructure_history as select *, 0::bigint as replaced_by_batch from infrastructure limit 0;
create table activities_history as select *, 0::bigint as replaced_by_batch from activities limit 0;
create table evidence_history as select *, 0::bigint as replaced_by_batch from evidence limit 0;
