-- Sign-in throttling moved to the server's memory (store/sessions.Throttle): per (account, client) waits that
-- grow, and a budget per client. signin_attempts stays as the admins' log, capped and pruned. Until now it
-- kept whatever was typed as a username, a mistyped password included: those are replaced by a marker, as the
-- app now writes them. The `cleared` column is no longer read.

update signin_attempts
set username = '(unknown)'
where username not in (select username from users);
