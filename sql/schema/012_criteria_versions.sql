-- Criteria as data: a criteria version is a set of indicator rows (family + params + criterion), imported
-- from a CSV; criteria_applied says from which year (CE) each version applies, until the next one's year.
-- `indicators` stays the register of every indicator code any version has used (evidence and plan rows
-- refer to it); the criteria themselves are read from `criteria` (store/criteria.py seeds diw-2562).

create table criteria_versions (
    version varchar primary key,
    title_th varchar,
    title_en varchar,
    source_file varchar,
    sha256 varchar,
    imported_by varchar not null,
    imported_at timestamp not null default current_timestamp
);

create table criteria (
    version varchar not null,
    code varchar not null,
    level integer not null check (level between 1 and 3),
    sort_order integer not null,
    name_th varchar not null,
    name_en varchar not null,
    formula_th varchar not null,
    formula_en varchar not null,
    family varchar not null,
    params varchar not null,
    unit varchar not null check (unit in ('percent', 'count')),
    comparator varchar not null check (comparator in ('ge', 'gt')),
    threshold double not null check (threshold >= 0),
    provisional boolean not null,
    entity varchar not null,
    primary key (version, code)
);

create table criteria_applied (
    from_year integer primary key,
    version varchar not null,
    applied_by varchar not null,
    applied_at timestamp not null default current_timestamp
);

-- Every criteria event (import, apply, an admin's threshold change) in one readable trail.
create sequence criteria_event_id_seq start 1;

create table criteria_events (
    event_id bigint primary key default nextval('criteria_event_id_seq'),
    event varchar not null check (event in ('import', 'apply', 'change')),
    version varchar not null,
    code varchar,
    detail varchar not null,
    done_by varchar not null,
    done_at timestamp not null default current_timestamp
);

alter table criteria_changes add column if not exists version varchar;
