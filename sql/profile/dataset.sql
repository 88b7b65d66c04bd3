-- What the database holds: rows per table and whether any live batch is demo data.
select
    (select count(*) from establishments) as establishments,
    (select count(*) from annual_reports) as annual_reports,
    (
        select count(*) from batches
        where status = 'loaded' and is_demo
    ) as demo_batches,
    (select count(*) from batches) as batches,
    (
        select count(*) from batches
        where status = 'rolled_back'
    ) as rolled_back,
    (select max(loaded_at) from batches) as last_load
