-- Definitions shared by the indicator queries (SPEC §3), written once, for several years at a time:
-- the engine computes every year a trend needs in one pass (the single-year macros of 002 are replaced).
drop macro table if exists factory_population;
drop macro table if exists valid_certificates;

-- Their replacements for several years at a time, factory_populations(years) and valid_certificates_in(years), were
-- created here first; they now live one a file in sql/macros/, created (or replaced) by store.db after the migrations
-- at every init and migrate, so a change to them is made in one place.
