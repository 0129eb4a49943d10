{#- Generated from the registry (src/datafirst/registry/) by `python -m datafirst.registry.dbt` (make sources); do not edit by hand.

    Every Data First dataset the cross-justice person linkage covers:
    its code (the source_dataset value and record-id prefix), its kind
    (criminal, family, civil), the source system it is built from, the
    raw table holding its person records and that table's key, and the
    programme's abbreviation. The person records of a dataset are
    int_<system>_person_records_standardised. The MoJ-DfE share's
    datasets are listed by share_datasets() instead.

    Arguments: none.
-#}
{% macro datasets() -%}
    {{ return([
        {'code': 'mags_hocas', 'kind': 'criminal', 'system': 'libra', 'person_table': 'defendant_case', 'person_key': 'defendant_case_id', 'programme_code': 'MACO'},
        {'code': 'crown_xhibit', 'kind': 'criminal', 'system': 'xhibit', 'person_table': 'defendants', 'person_key': 'defendant_on_case_id', 'programme_code': 'CRCO'},
        {'code': 'prison_nomis', 'kind': 'criminal', 'system': 'nomis', 'person_table': 'offenders', 'person_key': 'offender_id', 'programme_code': 'PRIS'},
        {'code': 'probation_delius', 'kind': 'criminal', 'system': 'delius', 'person_table': 'offender', 'person_key': 'offender_id', 'programme_code': 'PROB'},
        {'code': 'prison_oasys', 'kind': 'criminal', 'system': 'oasys', 'person_table': 'offender', 'person_key': 'offender_pk', 'programme_code': 'OASys'},
        {'code': 'familyman', 'kind': 'family', 'system': 'familyman', 'person_table': 'parties', 'person_key': 'party_id', 'programme_code': 'FACO'},
        {'code': 'civil_caseman', 'kind': 'civil', 'system': 'caseman', 'person_table': 'parties', 'person_key': 'party_id', 'programme_code': 'CaseMan'},
        {'code': 'civil_pcol', 'kind': 'civil', 'system': 'pcol', 'person_table': 'parties', 'person_key': 'party_id', 'programme_code': 'PCOL'},
    ]) }}
{%- endmacro %}
