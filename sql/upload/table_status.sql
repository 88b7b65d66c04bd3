-- Each upload table in the order to load it (establishments first: every other table naming a factory_id
-- refers to them), its rows now, and its newest loaded batch: id, file, who, when, and whether it is demo data.
with

tables as (
    select * from (values
        (1, 'establishments', (select count(*) from establishments)),
        (2, 'annual_reports', (select count(*) from annual_reports)),
        (3, 'certifications', (select count(*) from certifications)),
        (4, 'practices', (select count(*) from practices)),
        (5, 'effluent_samples', (select count(*) from effluent_samples)),
        (6, 'green_areas', (select count(*) from green_areas)),
        (7, 'surveys', (select count(*) from surveys)),
        (8, 'infrastructure', (select count(*) from infrastructure)),
        (9, 'activities', (select count(*) from activities)),
        (10, 'evidence', (select count(*) from evidence))
    ) as t (load_order, table_name, table_rows)
),

last_batch as (
    select
        table_name,
        batch_id,
        file_name,
        loaded_by,
        loaded_at,
        is_demo,
        count(*) over (partition by table_name) as loaded_batches
    from batches
    where status = 'loaded'
    qualify row_number() over (partition by table_name order by batch_id desc) = 1
),

final as (
    select
        t.load_order,
        t.table_name,
        t.table_rows,
        coalesce(b.loaded_batches, 0) as loaded_batches,
        b.batch_id as last_batch,
        b.file_name,
        b.loaded_by,
        b.loaded_at,
        coalesce(b.is_demo, false) as is_demo
    from tables as t
    left join last_batch as b using (table_name)
)

select * from final
order by load_order
