"""Person ids: every person record with its per-dataset person id and its
cross-justice id, at the low, default and high thresholds (connected
components of the links in linkage_person_links)."""

from datafirst.linkage.engine import cluster_people


def model(dbt, session):
    dbt.config(materialized="table")
    records = dbt.ref("int_person_records_unioned").to_arrow_table()
    links = dbt.ref("linkage_person_links").to_arrow_table()
    return cluster_people(records, links)
