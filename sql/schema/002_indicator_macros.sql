-- Definitions shared by the indicator queries (SPEC §3), written once.

-- Population P(Y, area): factories (not mines) in the area, registered by Y and not closed by Y.
create or replace macro factory_population(y, a) as table
    select *
    from establishments
    where kind = 'factory'
      and (a = 'all' or subdistrict_code = a)
      and (registered_year is null or registered_year <= y)
      and (closed_year is null or closed_year > y);

-- A certificate is valid in Y when issued in or before Y and not expired before Y (years compared).
create or replace macro valid_certificates(y) as table
    select factory_id, scheme, level, issued_on, expires_on
    from certifications
    where year(issued_on) <= y
      and (expires_on is null or year(expires_on) >= y);
