{#-
    A person's sex and ethnicity, decoded and checked once for every staging
    model whose source holds them: each source value is kept trimmed and
    decoded to the common code through its seed (sex_source_values,
    ethnicity_source_values: the rows of one source system).

    Returns a dict of the pieces the staging model places:
        columns: select columns for the renamed CTE (no trailing comma):
            sex_source_value, sex, ethnicity_source_value, ethnicity_code.
        flags: the data-quality flags, in all_flags order: unknown_code:sex
            (a value the seed does not list), missing_sex (none or junk)
            and missing_or_junk_ethnicity.

    Arguments:
        source_system: the seeds' source_system, e.g. 'libra'.
        sex_column: the source column holding sex, e.g. 'gender'.
        ethnicity_column: the source column holding ethnicity.
        person_when: optional SQL condition for the rows that are people
            (e.g. 'not is_organisation'): missing sex and ethnicity are
            flagged only on them.
-#}
{% macro sex_and_ethnicity(
    source_system, sex_column, ethnicity_column, person_when=none
) -%}
    {%- set seed_where = {'source_system': source_system} -%}
    {%- set person = person_when ~ ' and ' if person_when else '' -%}
    {%- set columns -%}
        nullif(trim({{ sex_column }}), '') as sex_source_value,
        {{ decode_code(sex_column, 'sex_source_values', 'source_value', 'sex',
            seed_where) }} as sex,
        nullif(trim({{ ethnicity_column }}), '') as ethnicity_source_value,
        {{ decode_code(ethnicity_column, 'ethnicity_source_values',
            'source_value', 'ethnicity_code', seed_where) }} as ethnicity_code
    {%- endset -%}
    {{ return({
        'columns': columns,
        'flags': [
            ['sex_source_value is not null and sex is null and not '
                ~ code_in_seed('sex_source_value', 'sex_source_values',
                'source_value', seed_where),
                'unknown_code:sex'],
            [person ~ 'sex is null', 'missing_sex'],
            [person ~ 'ethnicity_code is null', 'missing_or_junk_ethnicity'],
        ],
    }) }}
{%- endmacro %}
