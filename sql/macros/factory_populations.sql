-- Population P(Y, area) for every Y in years (SPEC §3): factories (not mines), registered by Y and not closed
-- by Y. The area is left to the caller (each row keeps its subdistrict_code), so every subdistrict comes at once.
-- Created (or replaced) by store.db at every init and migrate; migration 009 made the first version.
create or replace macro factory_populations(years) as table
    with asked as (select unnest(years) as year)

    select
        -- every column of establishments (the family queries pick theirs): the column count is the table's
        y.year,
        e.*  -- noqa: AM04
    from establishments as e
    cross join asked as y
    where
        e.kind = 'factory'
        and (e.registered_year is null or e.registered_year <= y.year)
        and (e.closed_year is null or e.closed_year > y.year);
