{#- Generated from the registry (src/datafirst/registry/) by `python -m datafirst.registry.dbt` (make sources); do not edit by hand.

    Every raw source table with its system, key column and whether it
    holds person records; the staging model of each is
    stg_<system>__<table>.

    Arguments: none.
-#}
{% macro raw_tables() -%}
    {{ return([
        {'system': 'libra', 'table': 'defendant_case', 'key': 'defendant_case_id', 'person_bearing': true},
        {'system': 'libra', 'table': 'offence', 'key': 'offence_id', 'person_bearing': false},
        {'system': 'libra', 'table': 'hearing', 'key': 'hearing_id', 'person_bearing': false},
        {'system': 'xhibit', 'table': 'cases', 'key': 'case_id', 'person_bearing': false},
        {'system': 'xhibit', 'table': 'defendants', 'key': 'defendant_on_case_id', 'person_bearing': true},
        {'system': 'xhibit', 'table': 'offences', 'key': 'offence_id', 'person_bearing': false},
        {'system': 'xhibit', 'table': 'disposals', 'key': 'disposal_id', 'person_bearing': false},
        {'system': 'nomis', 'table': 'offenders', 'key': 'offender_id', 'person_bearing': true},
        {'system': 'nomis', 'table': 'offender_aliases', 'key': 'alias_offender_id', 'person_bearing': true},
        {'system': 'nomis', 'table': 'offender_bookings', 'key': 'offender_book_id', 'person_bearing': false},
        {'system': 'nomis', 'table': 'offender_sentences', 'key': 'sentence_id', 'person_bearing': false},
        {'system': 'nomis', 'table': 'external_movements', 'key': 'movement_id', 'person_bearing': false},
        {'system': 'nomis', 'table': 'incidents', 'key': 'incident_party_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'offender', 'key': 'offender_id', 'person_bearing': true},
        {'system': 'delius', 'table': 'offender_address', 'key': 'offender_address_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'event', 'key': 'event_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'rqmnt', 'key': 'rqmnt_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'lic_condition', 'key': 'lic_condition_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'court_report', 'key': 'court_report_id', 'person_bearing': false},
        {'system': 'delius', 'table': 'pss_rqmnt', 'key': 'pss_rqmnt_id', 'person_bearing': false},
        {'system': 'oasys', 'table': 'offender', 'key': 'offender_pk', 'person_bearing': true},
        {'system': 'oasys', 'table': 'oasys_set', 'key': 'oasys_set_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'core_risk', 'key': 'core_risk_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'bcs', 'key': 'bcs_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'isp', 'key': 'isp_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'rm2000', 'key': 'rm2000_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'rmp', 'key': 'rmp_pk', 'person_bearing': false},
        {'system': 'oasys', 'table': 'rosh', 'key': 'rosh_pk', 'person_bearing': false},
        {'system': 'familyman', 'table': 'cases', 'key': 'case_number', 'person_bearing': false},
        {'system': 'familyman', 'table': 'parties', 'key': 'party_id', 'person_bearing': true},
        {'system': 'caseman', 'table': 'cases', 'key': 'case_number', 'person_bearing': false},
        {'system': 'caseman', 'table': 'parties', 'key': 'party_id', 'person_bearing': true},
        {'system': 'caseman', 'table': 'case_events', 'key': 'event_id', 'person_bearing': false},
        {'system': 'caseman', 'table': 'hearings', 'key': 'hearing_id', 'person_bearing': false},
        {'system': 'caseman', 'table': 'judgments', 'key': 'judgment_id', 'person_bearing': false},
        {'system': 'caseman', 'table': 'warrants', 'key': 'warrant_number', 'person_bearing': false},
        {'system': 'pcol', 'table': 'claims', 'key': 'claim_number', 'person_bearing': false},
        {'system': 'pcol', 'table': 'parties', 'key': 'party_id', 'person_bearing': true},
        {'system': 'pcol', 'table': 'claim_events', 'key': 'event_id', 'person_bearing': false},
        {'system': 'pcol', 'table': 'hearings', 'key': 'hearing_id', 'person_bearing': false},
        {'system': 'pcol', 'table': 'judgments', 'key': 'judgment_id', 'person_bearing': false},
        {'system': 'pcol', 'table': 'warrants', 'key': 'warrant_id', 'person_bearing': false},
    ]) }}
{%- endmacro %}
