-- A certificate is valid in Y, for every Y in years, when issued in or before Y and not expired before Y
-- (years compared; SPEC §3). Created (or replaced) by store.db at every init and migrate; migration 009 made
-- the first version.
create or replace macro valid_certificates_in(years) as table
    with asked as (select unnest(years) as year)

    select
        y.year,
        c.factory_id,
        c.scheme,
        c.level,
        c.issued_on,
        c.expires_on
    from certifications as c
    cross join asked as y
    where
        year(c.issued_on) <= y.year
        and (c.expires_on is null or year(c.expires_on) >= y.year);
