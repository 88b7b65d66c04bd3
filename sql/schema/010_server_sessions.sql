-- Sign-in sessions kept on the server: the browser holds a random id in an HttpOnly cookie and the
-- database only its SHA-256, so a copy of the database cannot be turned into a sign-in. Every run of
-- the app reads the session and its user here: revoking a session, resetting a password or
-- deactivating an account ends the open tabs at once. Sign-in attempts are kept for throttling.

create table sessions (
    id_hash varchar primary key,
    username varchar not null,
    created_at timestamp not null default current_timestamp,
    expires_at timestamp not null,
    last_seen_at timestamp not null default current_timestamp,
    client varchar,
    revoked_at timestamp,
    revoked_by varchar
);

create sequence signin_attempt_id_seq start 1;

create table signin_attempts (
    attempt_id bigint primary key default nextval('signin_attempt_id_seq'),
    username varchar not null,
    client varchar,
    succeeded boolean not null,
    attempted_at timestamp not null default current_timestamp,
    cleared boolean not null default false
);

-- The signed tokens of migration 005 are gone: their key lived in this database.
delete from settings where key = 'session_key';
