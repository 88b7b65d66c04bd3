-- The file the connection reads (empty in memory).
select path
from duckdb_databases()
where database_name = current_database()
