"""Scored pairs of person records: within each dataset (deduplication) and
between datasets (cross-justice), predicted with the committed, trained Splink
models after re-estimating the prior for these records. Splink runs on its own
in-memory DuckDB; nothing it creates is left in the warehouse."""

from datafirst.linkage.engine import score_links


def model(dbt, session):
    dbt.config(materialized="table")
    records = dbt.ref("int_person_records_unioned").to_arrow_table()
    return score_links(records)
