"""The recall ceiling of the family and civil deduplication: the best recall
any scorer could reach at precision 0.98 knowing only what the model
compares, beside the recall the published ids reach (see
datafirst.linkage.diagnostics)."""

from datafirst.linkage.diagnostics import recall_ceilings


def model(dbt, session):
    dbt.config(materialized="table")
    records = dbt.ref("int_person_records_unioned").to_arrow_table()
    truth = dbt.ref("stg_truth__person_records").to_arrow_table()
    clusters = dbt.ref("linkage_person_clusters").to_arrow_table()
    return recall_ceilings(records, truth, clusters)
