"""Past one machine: coding on a Dask cluster, partitioned Parquet output, resolution by block, DuckDB queries."""
