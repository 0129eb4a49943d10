"""Person ids: every person record with its per-dataset person id and its
cross-justice id, at the low, default and high thresholds (connected
components of the links in linkage_person_links)."""

from datafirst.linkage.backends import warehouse_table
from datafirst.linkage.engine import cluster_people


def model(dbt, session):
    dbt.config(materialized="table")
    records = warehouse_table(dbt.ref("int_person_records_unioned"))
    links = warehouse_table(dbt.ref("linkage_person_links"))
    return cluster_people(records, links)
