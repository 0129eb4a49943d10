"""CaseMan to PCOL case links: each CaseMan case received on transfer from
PCOL linked to the PCOL possession claim it continues, on the carried PCOL
claim number where the clerk keyed it, otherwise on the case-level evidence
(parties' names, property postcode, claimant, court, dates), ties refused."""

from datafirst.linkage.backends import warehouse_table
from datafirst.linkage.civil_cases import link_received_claims


def model(dbt, session):
    dbt.config(materialized="table")
    cases = warehouse_table(dbt.ref("int_civil_cases_link_prepared"))
    return link_received_claims(cases)
