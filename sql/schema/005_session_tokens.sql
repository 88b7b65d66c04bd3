-- Signed sign-in tokens survive a page reload; bumping a user's epoch revokes every token issued before.
alter table users add column session_epoch integer not null default 0;
