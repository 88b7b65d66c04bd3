-- Sign-in accounts, settings, and the audit trail of browser edits (checklists, criteria).

create table users (
    username varchar primary key,
    role varchar not null check (role in ('committee', 'analyst', 'admin')),
    password_hash varchar not null,  -- bcrypt
    must_change_password boolean not null default true,
    active boolean not null default true,
    created_at timestamp not null default current_timestamp,
    created_by varchar
);

create table settings (
    key varchar primary key,
    value varchar not null,
    changed_by varchar,
    changed_at timestamp not null default current_timestamp
);

insert into settings (key, value, changed_by) values ('public_read', 'false', 'init');

create sequence edit_id_seq start 1;

-- One row per changed cell of the evidence checklist or the action plan, edited in the browser.
create table checklist_edits (
    edit_id bigint primary key default nextval('edit_id_seq'),
    table_name varchar not null check (table_name in ('evidence', 'activities')),
    row_key varchar not null,
    column_name varchar not null,
    before_value varchar,
    after_value varchar,
    edited_by varchar not null,
    edited_at timestamp not null default current_timestamp
);

create sequence criterion_change_id_seq start 1;

create table criteria_changes (
    change_id bigint primary key default nextval('criterion_change_id_seq'),
    code varchar not null references indicators (code),
    threshold_before double not null,
    threshold_after double not null,
    provisional_before boolean not null,
    provisional_after boolean not null,
    reason varchar not null,
    changed_by varchar not null,
    changed_at timestamp not null default current_timestamp
);

alter table batches add column if not exists note varchar;
