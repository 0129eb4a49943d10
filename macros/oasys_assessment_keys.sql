{#-
    The pseudonymous keys every OASys mart starts with, written once:
    assessment_id_hash (the assessment or sub-assessment), optionally
    parent_assessment_id_hash (the assessment a sub-assessment belongs to),
    estimated_offender_id (the per-dataset person), row_id_hash (the
    offender record) and source_dataset, with which a row joins xjs_link.
    Expands to select columns
    without a trailing comma.

    Arguments:
        relation: the CTE holding int_oasys_assessments_joined's columns
            (default 'assessments').
        with_parent: whether to publish parent_assessment_id_hash (default
            true).
-#}
{% macro oasys_assessment_keys(relation='assessments', with_parent=true) -%}
    {{ pseudonymise(relation ~ '.oasys_set_pk', 'oasys.oasys_set_pk') }}
            as assessment_id_hash,
        {%- if with_parent %}
        {{ pseudonymise(
            relation ~ '.parent_oasys_set_pk', 'oasys.oasys_set_pk'
        ) }} as parent_assessment_id_hash,
        {%- endif %}
        {{ pseudonymise(relation ~ '.estimated_person_id', 'person.dataset') }}
            as estimated_offender_id,
        {{ row_id_hash('prison_oasys', relation ~ '.offender_pk') }}
            as row_id_hash,
        'prison_oasys' as source_dataset
{%- endmacro %}
