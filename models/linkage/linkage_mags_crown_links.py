"""Magistrates' to Crown journeys: each Crown defendant-on-case linked to the
magistrates' defendant-case it came from, with the match score, using the
committed journey model (case evidence plus the cross-justice person id)."""

from datafirst.linkage.backends import warehouse_table
from datafirst.linkage.engine import load_model
from datafirst.linkage.journeys import link_journeys


def model(dbt, session):
    dbt.config(materialized="table")
    cases = warehouse_table(dbt.ref("int_court_cases_journey_prepared"))
    clusters = warehouse_table(dbt.ref("linkage_person_clusters"))
    return link_journeys(cases, clusters, load_model("link_mags_crown"))
