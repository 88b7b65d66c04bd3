"""The data store: schema, CSV loading to the SPEC §2 contract, batches, demo data."""
