{#- Generated from the registry (src/datafirst/registry/) by `python -m datafirst.registry.dbt` (make sources); do not edit by hand.

    The MoJ-DfE share's datasets (kind share): the PNC and NPD extracts,
    linked to each other only, deterministically (pnc_npd_link), and
    outside the cross-justice person linkage and its person records.
    Same fields as datasets().

    Arguments: none.
-#}
{% macro share_datasets() -%}
    {{ return([
        {'code': 'share_pnc', 'kind': 'share', 'system': 'pnc', 'person_table': 'persons', 'person_key': 'PNC_ID', 'programme_code': 'PNC'},
        {'code': 'share_npd', 'kind': 'share', 'system': 'npd', 'person_table': 'pupils', 'person_key': 'UPN', 'programme_code': 'NPD'},
    ]) }}
{%- endmacro %}
