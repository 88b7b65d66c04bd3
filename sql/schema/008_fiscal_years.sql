-- SPEC §2 (this wave): the action plan and the evidence checklist belong to a fiscal year (Buddhist Era:
-- 2565 = Oct 2021 – Sep 2022), part of their key; rows loaded before this migration are fiscal year 2565,
-- the seed's plan. DuckDB cannot change a primary key in place, so both tables (and their history twins)
-- are rebuilt with fiscal_year as the first column and their rows copied across.

create table activities_copy as select * from activities;
create table evidence_copy as select * from evidence;
create table activities_history_copy as select * from activities_history;
create table evidence_history_copy as select * from evidence_history;
drop table activities;
drop table evidence;
drop table activities_history;
drop table evidence_history;

create table activities (
    fiscal_year integer not null default 2565 check (fiscal_year between 2443 and 2743),
    activity_id varchar not null,
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
    primary key (fiscal_year, activity_id),
    check (planned_end is null or planned_start is null or planned_end >= planned_start)
);

create table evidence (
    fiscal_year integer not null default 2565 check (fiscal_year between 2443 and 2743),
    indicator_code varchar not null references indicators (code),
    item_no integer not null check (item_no >= 1),
    description_th varchar not null,
    description_en varchar,
    responsible varchar,
    status varchar not null check (status in ('missing', 'in_progress', 'ready')),
    reference varchar,
    batch_id bigint,
    primary key (fiscal_year, indicator_code, item_no)
);

insert into activities select 2565, * from activities_copy;
insert into evidence select 2565, * from evidence_copy;
create table activities_history as select *, 0::bigint as replaced_by_batch from activities limit 0;
create table evidence_history as select *, 0::bigint as replaced_by_batch from evidence limit 0;
insert into activities_history select 2565, * from activities_history_copy;
insert into evidence_history select 2565, * from evidence_history_copy;

-- Browser edits name their row by key; the key now starts with the fiscal year.
update checklist_edits set row_key = '2565/' || row_key where table_name in ('evidence', 'activities');

drop table activities_copy;
drop table evidence_copy;
drop table activities_history_copy;
drop table evidence_history_copy;
