-- Definitions shared by the indicator queries (SPEC §3), written once, for several years at a time:
-- the engine computes every year a trend needs in one pass (the single-year macros of 002 are replaced).
drop macro table if exists factory_population;
drop macro table if exists valid_certificates;

-- Population P(Y, area) for every Y in years: factories (not mines), registered by Y and not closed by Y.
-- The area is left to the caller (each row keeps its subdistrict_code), so both subdistricts come at once.
create or replace macro factory_populations(years) as table
    select
        y.year,
        e.*
    from establishments as e
    cross join (select unnest(years) as year) as y
    where e.kind = 'factory'
      and (e.registered_year is null or e.registered_year <= y.year)
      and (e.closed_year is null or e.closed_year > y.year);

-- A certificate is valid in Y when issued in or before Y and not expired before Y (years compared).
create or replace macro valid_certificates_in(years) as table
    select
        y.year,
        c.factory_id,
        c.scheme,
        c.level,
        c.issued_on,
        c.expires_on
    from certifications as c
    cross join (select unnest(years) as year) as y
    where year(c.issued_on) <= y.year
      and (c.expires_on is null or year(c.expires_on) >= y.year);
