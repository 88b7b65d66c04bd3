-- Every certificate, for the single year `asked_year`, with whether it is valid then under the one rule (SPEC §3:
-- valid_certificates_in, issued by the year and not expired before it). For pages that show certificates of every
-- year: the explorer, the data-quality page, an establishment's profile. Created (or replaced) by store.db at every
-- init and migrate, after valid_certificates_in (the files are read in name order).
create or replace macro validity_in(asked_year) as table
    select
        c.factory_id,
        c.scheme,
        c.level,
        c.issued_on,
        c.expires_on,
        v.factory_id is not null as valid_in_year
    from certifications as c
    left join valid_certificates_in([asked_year]::integer[]) as v  -- noqa: RF02
        on c.factory_id = v.factory_id and c.scheme = v.scheme and c.issued_on = v.issued_on;
