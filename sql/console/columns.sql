-- The columns of the tables the console reads, in schema order (names and types only, never rows).
select
    table_name,
    column_name,
    data_type
from duckdb_columns()
where database_name = current_database()
    and schema_name = 'main'
    and list_contains($tables, table_name)
order by table_name, column_index
