-- A town is configuration (data/towns/*.toml): its names here, its subdistricts in `subdistricts`.
-- One town per database; store/towns.py sets it up at `store init` and refuses to change it under data.
create table town (
    town_id varchar primary key,
    name_th varchar not null,
    name_en varchar not null,
    area_th varchar not null,
    area_en varchar not null,
    office_th varchar not null,
    office_en varchar not null,
    province_th varchar not null,
    province_en varchar not null,
    set_by varchar not null,
    set_at timestamp not null default current_timestamp
);
