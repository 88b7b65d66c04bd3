-- Each upload table in the order to load it (establishments first: every other table naming a factory_id
-- refers to them), its rows now, and its newest loaded batch: id, file, who, when, and whether it is demo data.
with

tables as (
    select
        1 as load_order,
        'establishments' as table_name,
        count(*) as table_rows
    from establishments
    union all
    select
        2 as load_order,
        'annual_reports' as table_name,
        count(*) as table_rows
    from annual_reports
    union all
    select
        3 as load_order,
        'certifications' as table_name,
        count(*) as table_rows
    from certifications
    union all
    select
        4 as load_order,
        'practices' as table_name,
        count(*) as table_rows
    from practices
    union all
    select
        5 as load_order,
        'effluent_samples' as table_name,
        count(*) as table_rows
    from effluent_samples
    union all
    select
        6 as load_order,
        'green_areas' as table_name,
        count(*) as table_rows
    from green_areas
    union all
    select
        7 as load_order,
        'surveys' as table_name,
        count(*) as table_rows
    from surveys
    union all
    select
        8 as load_order,
        'infrastructure' as table_name,
        count(*) as table_rows
    from infrastructure
    union all
    select
        9 as load_order,
        'activities' as table_name,
        count(*) as table_rows
    from activities
    union all
    select
        10 as load_order,
        'evidence' as table_name,
        count(*) as table_rows
    from evidence
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
        b.batch_id as last_batch,
        b.file_name,
        b.loaded_by,
        b.loaded_at,
        coalesce(b.loaded_batches, 0) as loaded_batches,
        coalesce(b.is_demo, false) as is_demo
    from tables as t
    left join last_batch as b on t.table_name = b.table_name
)

select * from final
order by load_order
