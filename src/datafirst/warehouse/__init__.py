"""Pieces of the dbt warehouse that run inside dbt's process (DuckDB plugins)."""
