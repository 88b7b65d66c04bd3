-- Subdistrict polygons (OCHA COD-AB, © RTSD / OCHA, CC BY-IGO), loaded by `store boundaries`.
create table boundaries (
    subdistrict_code varchar primary key references subdistricts (subdistrict_code),
    name_th varchar,
    name_en varchar,
    geometry_geojson varchar not null,
    source varchar not null,
    sha256 varchar not null,
    loaded_at timestamp not null default current_timestamp
);
