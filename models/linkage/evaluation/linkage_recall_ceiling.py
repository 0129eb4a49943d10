"""The recall ceiling of the family and civil deduplication: the best recall
any scorer could reach at precision 0.98 knowing only what the model
compares, beside the recall the published ids reach (see
datafirst.linkage.diagnostics)."""

from datafirst.linkage.backends import arrow_table, model_result
from datafirst.linkage.diagnostics import recall_ceilings


def model(dbt, session):
    dbt.config(materialized="table")
    # On DuckDB in this process on either target: Arrow in, Arrow out.
    records = arrow_table(dbt.ref("int_person_records_unioned"))
    truth = arrow_table(dbt.ref("stg_truth__person_records"))
    clusters = arrow_table(dbt.ref("linkage_person_clusters"))
    return model_result(recall_ceilings(records, truth, clusters), session)
