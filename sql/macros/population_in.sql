-- Population P(Y) in one area (SPEC §3): factory_populations for the single year `asked_year`, in the subdistrict
-- `asked_area` or, with 'all', in the whole town, every column of establishments. Created (or replaced) by store.db
-- at every init and migrate, after factory_populations (the files are read in name order).
create or replace macro population_in(asked_year, asked_area) as table
    select * from factory_populations([asked_year]::integer[])  -- noqa: AM04
    where asked_area = 'all' or subdistrict_code = asked_area;
