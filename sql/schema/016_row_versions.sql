-- Shared edits that cannot silently overwrite (issue 28): every row of the action plan and the evidence
-- checklist carries a version, raised by each browser save of the row (and by a rollback that rewrites it).
-- A save names the version its page read; a row whose version has moved since is refused, naming who changed
-- it and when (store/edits.py), unless the analyst chooses to keep theirs, which is recorded as such.
--
-- The <table>_history twins take the column too, before replaced_by_batch: the loader copies a row into its
-- twin with `select t.*, $batch`, so the twin's columns are the table's in the same order, then one more.

alter table activities add column row_version integer not null default 1;
alter table evidence add column row_version integer not null default 1;

create table activities_history_copy as select * from activities_history;
create table evidence_history_copy as select * from evidence_history;
drop table activities_history;
drop table evidence_history;
create table activities_history as select *, 0::bigint as replaced_by_batch from activities limit 0;
create table evidence_history as select *, 0::bigint as replaced_by_batch from evidence limit 0;
insert into activities_history select * exclude (replaced_by_batch), 1, replaced_by_batch from activities_history_copy;
insert into evidence_history select * exclude (replaced_by_batch), 1, replaced_by_batch from evidence_history_copy;
drop table activities_history_copy;
drop table evidence_history_copy;

-- The edit log says which fiscal year a change belongs to, what kind of change it was, and the row's version
-- after it: 'edit' (a cell saved), 'keep_mine' (saved over a newer version, the analyst having been told who
-- changed it), 'copy_year' / 'remove_year' (a fiscal year started from a copy / removed), 'rollback_keep' /
-- 'rollback_revert' (a batch rolled back with the later edits kept / reverted).
alter table checklist_edits add column fiscal_year integer;
alter table checklist_edits add column kind varchar not null default 'edit';
alter table checklist_edits add column row_version integer;
update checklist_edits set fiscal_year = try_cast(split_part(row_key, '/', 1) as integer);
update checklist_edits set kind = 'copy_year' where column_name = 'fiscal_year' and row_key like '%/*';

-- The edit log as data for the SQL console: who changed which item of which fiscal year, from what to what,
-- when. Nothing secret is in it (names of accounts only, as the batch log shows them).
create or replace view edit_log as
select
    edit_id,
    table_name,
    fiscal_year,
    row_key,
    column_name,
    before_value,
    after_value,
    kind,
    edited_by,
    edited_at
from checklist_edits;
