-- The committee meeting a pack is tabled at (issue 27), remembered per fiscal year (BE): the agency presenting it,
-- the meeting's title and number and the agenda item. Typed on the overview by an analyst or admin; the pack's
-- cover shows them. Every change is one row of meeting_changes (who, when, before and after), like the checklists'.

create table meetings (
    fiscal_year integer primary key check (fiscal_year between 2443 and 2743),
    agency varchar,
    title varchar,
    number varchar,
    agenda_item varchar,
    changed_by varchar not null,
    changed_at timestamp not null default current_timestamp
);

create sequence meeting_change_id_seq start 1;

create table meeting_changes (
    change_id bigint primary key default nextval('meeting_change_id_seq'),
    fiscal_year integer not null,
    field varchar not null check (field in ('agency', 'title', 'number', 'agenda_item')),
    before_value varchar,
    after_value varchar,
    changed_by varchar not null,
    changed_at timestamp not null default current_timestamp
);
