"""Ad-hoc SQL for analysts: the guard (guard.py), the worker process that runs a query under limits (worker.py), the schema and examples."""
