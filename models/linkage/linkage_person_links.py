"""Scored pairs of person records: within each dataset (deduplication) and
between datasets (cross-justice), predicted with the committed, trained Splink
models after re-estimating the prior for these records. Splink runs where the
warehouse runs: on its own in-memory DuckDB (Arrow in and out) on DuckDB, on
its Spark backend on Spark; nothing it creates is left in the warehouse."""

from datafirst.linkage.backends import warehouse_table
from datafirst.linkage.engine import score_links


def model(dbt, session):
    dbt.config(materialized="table")
    records = warehouse_table(dbt.ref("int_person_records_unioned"))
    return score_links(records)
