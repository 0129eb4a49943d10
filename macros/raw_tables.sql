{#- Generated from the registry (src/datafirst/registry/) by `python -m datafirst.registry.dbt` (make sources); do not edit by hand.

    Every raw source table with its system, key column, whether it
    holds person records, and its parents: each column referencing
    another table of the system, that table and its key. The staging
    model of each is stg_<system>__<table>, its trusted rows
    int_<system>_<table>_trusted.

    Arguments: none.
-#}
{% macro raw_tables() -%}
    {{ return([
        {'system': 'libra', 'table': 'defendant_case', 'key': 'defendant_case_id', 'person_bearing': true, 'parents': []},
        {'system': 'libra', 'table': 'offence', 'key': 'offence_id', 'person_bearing': false, 'parents': [{'column': 'defendant_case_id', 'table': 'defendant_case', 'key': 'defendant_case_id'}]},
        {'system': 'libra', 'table': 'hearing', 'key': 'hearing_id', 'person_bearing': false, 'parents': [{'column': 'defendant_case_id', 'table': 'defendant_case', 'key': 'defendant_case_id'}]},
        {'system': 'xhibit', 'table': 'cases', 'key': 'case_id', 'person_bearing': false, 'parents': []},
        {'system': 'xhibit', 'table': 'defendants', 'key': 'defendant_on_case_id', 'person_bearing': true, 'parents': [{'column': 'case_id', 'table': 'cases', 'key': 'case_id'}]},
        {'system': 'xhibit', 'table': 'offences', 'key': 'offence_id', 'person_bearing': false, 'parents': [{'column': 'defendant_on_case_id', 'table': 'defendants', 'key': 'defendant_on_case_id'}]},
        {'system': 'xhibit', 'table': 'disposals', 'key': 'disposal_id', 'person_bearing': false, 'parents': [{'column': 'offence_id', 'table': 'offences', 'key': 'offence_id'}]},
        {'system': 'xhibit', 'table': 'warrants', 'key': 'warrant_id', 'person_bearing': false, 'parents': [{'column': 'defendant_on_case_id', 'table': 'defendants', 'key': 'defendant_on_case_id'}]},
        {'system': 'nomis', 'table': 'offenders', 'key': 'offender_id', 'person_bearing': true, 'parents': []},
        {'system': 'nomis', 'table': 'offender_aliases', 'key': 'alias_offender_id', 'person_bearing': true, 'parents': [{'column': 'root_offender_id', 'table': 'offenders', 'key': 'offender_id'}]},
        {'system': 'nomis', 'table': 'offender_bookings', 'key': 'offender_book_id', 'person_bearing': false, 'parents': [{'column': 'offender_id', 'table': 'offenders', 'key': 'offender_id'}]},
        {'system': 'nomis', 'table': 'offender_sentences', 'key': 'sentence_id', 'person_bearing': false, 'parents': [{'column': 'offender_book_id', 'table': 'offender_bookings', 'key': 'offender_book_id'}]},
        {'system': 'nomis', 'table': 'external_movements', 'key': 'movement_id', 'person_bearing': false, 'parents': [{'column': 'offender_book_id', 'table': 'offender_bookings', 'key': 'offender_book_id'}]},
        {'system': 'nomis', 'table': 'incidents', 'key': 'incident_party_id', 'person_bearing': false, 'parents': [{'column': 'offender_book_id', 'table': 'offender_bookings', 'key': 'offender_book_id'}]},
        {'system': 'nomis', 'table': 'offender_charges', 'key': 'offender_charge_id', 'person_bearing': false, 'parents': [{'column': 'offender_book_id', 'table': 'offender_bookings', 'key': 'offender_book_id'}]},
        {'system': 'delius', 'table': 'offender', 'key': 'offender_id', 'person_bearing': true, 'parents': []},
        {'system': 'delius', 'table': 'offender_address', 'key': 'offender_address_id', 'person_bearing': false, 'parents': [{'column': 'offender_id', 'table': 'offender', 'key': 'offender_id'}]},
        {'system': 'delius', 'table': 'event', 'key': 'event_id', 'person_bearing': false, 'parents': [{'column': 'offender_id', 'table': 'offender', 'key': 'offender_id'}]},
        {'system': 'delius', 'table': 'rqmnt', 'key': 'rqmnt_id', 'person_bearing': false, 'parents': [{'column': 'event_id', 'table': 'event', 'key': 'event_id'}]},
        {'system': 'delius', 'table': 'lic_condition', 'key': 'lic_condition_id', 'person_bearing': false, 'parents': [{'column': 'event_id', 'table': 'event', 'key': 'event_id'}]},
        {'system': 'delius', 'table': 'court_report', 'key': 'court_report_id', 'person_bearing': false, 'parents': [{'column': 'event_id', 'table': 'event', 'key': 'event_id'}]},
        {'system': 'delius', 'table': 'pss_rqmnt', 'key': 'pss_rqmnt_id', 'person_bearing': false, 'parents': [{'column': 'event_id', 'table': 'event', 'key': 'event_id'}]},
        {'system': 'oasys', 'table': 'offender', 'key': 'offender_pk', 'person_bearing': true, 'parents': []},
        {'system': 'oasys', 'table': 'oasys_set', 'key': 'oasys_set_pk', 'person_bearing': false, 'parents': [{'column': 'offender_pk', 'table': 'offender', 'key': 'offender_pk'}, {'column': 'parent_oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'core_risk', 'key': 'core_risk_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'bcs', 'key': 'bcs_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'isp', 'key': 'isp_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'rm2000', 'key': 'rm2000_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}, {'column': 'parent_oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'rmp', 'key': 'rmp_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'oasys', 'table': 'rosh', 'key': 'rosh_pk', 'person_bearing': false, 'parents': [{'column': 'oasys_set_pk', 'table': 'oasys_set', 'key': 'oasys_set_pk'}]},
        {'system': 'familyman', 'table': 'cases', 'key': 'case_number', 'person_bearing': false, 'parents': []},
        {'system': 'familyman', 'table': 'parties', 'key': 'party_id', 'person_bearing': true, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'familyman', 'table': 'events', 'key': 'event_id', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'familyman', 'table': 'divorce', 'key': 'divorce_id', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'caseman', 'table': 'cases', 'key': 'case_number', 'person_bearing': false, 'parents': []},
        {'system': 'caseman', 'table': 'parties', 'key': 'party_id', 'person_bearing': true, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'caseman', 'table': 'case_events', 'key': 'event_id', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'caseman', 'table': 'hearings', 'key': 'hearing_id', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'caseman', 'table': 'judgments', 'key': 'judgment_id', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}, {'column': 'against_party_id', 'table': 'parties', 'key': 'party_id'}]},
        {'system': 'caseman', 'table': 'warrants', 'key': 'warrant_number', 'person_bearing': false, 'parents': [{'column': 'case_number', 'table': 'cases', 'key': 'case_number'}]},
        {'system': 'pcol', 'table': 'claims', 'key': 'claim_number', 'person_bearing': false, 'parents': []},
        {'system': 'pcol', 'table': 'parties', 'key': 'party_id', 'person_bearing': true, 'parents': [{'column': 'claim_number', 'table': 'claims', 'key': 'claim_number'}]},
        {'system': 'pcol', 'table': 'claim_events', 'key': 'event_id', 'person_bearing': false, 'parents': [{'column': 'claim_number', 'table': 'claims', 'key': 'claim_number'}]},
        {'system': 'pcol', 'table': 'hearings', 'key': 'hearing_id', 'person_bearing': false, 'parents': [{'column': 'claim_number', 'table': 'claims', 'key': 'claim_number'}]},
        {'system': 'pcol', 'table': 'judgments', 'key': 'judgment_id', 'person_bearing': false, 'parents': [{'column': 'claim_number', 'table': 'claims', 'key': 'claim_number'}]},
        {'system': 'pcol', 'table': 'warrants', 'key': 'warrant_id', 'person_bearing': false, 'parents': [{'column': 'claim_number', 'table': 'claims', 'key': 'claim_number'}]},
        {'system': 'pnc', 'table': 'persons', 'key': 'PNC_ID', 'person_bearing': true, 'parents': []},
        {'system': 'pnc', 'table': 'court_appearances', 'key': 'APPEARANCE_ID', 'person_bearing': false, 'parents': [{'column': 'PNC_ID', 'table': 'persons', 'key': 'PNC_ID'}]},
        {'system': 'npd', 'table': 'pupils', 'key': 'UPN', 'person_bearing': true, 'parents': []},
        {'system': 'npd', 'table': 'attainment', 'key': 'Result_ID', 'person_bearing': false, 'parents': [{'column': 'UPN', 'table': 'pupils', 'key': 'UPN'}]},
        {'system': 'npd', 'table': 'absence', 'key': 'Absence_ID', 'person_bearing': false, 'parents': [{'column': 'UPN', 'table': 'pupils', 'key': 'UPN'}]},
        {'system': 'npd', 'table': 'exclusions', 'key': 'Exclusion_ID', 'person_bearing': false, 'parents': [{'column': 'UPN', 'table': 'pupils', 'key': 'UPN'}]},
    ]) }}
{%- endmacro %}
