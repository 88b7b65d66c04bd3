"""Looking things up beside the scorecard: the explorer (filter, group, pivot one source), establishment search
and an establishment's profile. Reads the store through `sql/` queries and `metrics`; never writes; no Streamlit."""
