"""The MoJ-DfE share linked probabilistically, as a yardstick for its
deterministic rules: the same trusted PNC persons and pupils, a
Fellegi-Sunter model trained here by expectation maximisation on the same
five identifiers, one-to-one links (datafirst.linkage.share). Only the
evaluation (linkage_share_accuracy) reads it; nothing published does."""

from datafirst.linkage.backends import arrow_table, model_result
from datafirst.linkage.share import link


def model(dbt, session):
    dbt.config(materialized="table")
    pnc_persons = arrow_table(dbt.ref("int_pnc_persons_trusted"))
    pupils = arrow_table(dbt.ref("int_npd_pupils_trusted"))
    return model_result(link(pnc_persons, pupils), session)
