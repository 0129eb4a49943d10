{#-
    The person a P-NOMIS table holds, cleaned and checked once for the two
    staging models that hold one: stg_nomis__offenders (the offender's own
    record) and stg_nomis__offender_aliases (the other names an offender
    has given). Both hold upper-case surname, first name and middle names
    in separate fields, a typed date of birth and the record's typed
    creation date.

    Returns a dict of the pieces the staging model places:
        names: select columns for the renamed CTE (no trailing comma): the
            raw name fields kept for the garbled-text checks
            (last_name_source, first_name_source, middle_name_source),
            surname and forenames (first and middle names together),
            standardised.
        checks: the quarantine checks after the keys, in first_reason
            order: garbled name fields, no name at all, an unparseable or
            impossible creation date, and a date of birth that is
            impossible or after the record's creation.
        columns: the person columns of the final CTE, in order (no trailing
            comma), from forenames to create_date.
-#}
{% macro nomis_person() -%}
    {%- set names -%}
        last_name as last_name_source,
        first_name as first_name_source,
        middle_name as middle_name_source,
        {{ standardise_name('last_name') }} as surname,
        {{ standardise_name("concat_ws(' ', first_name, middle_name)") }}
            as forenames
    {%- endset -%}
    {%- set columns = [
        'forenames', 'forename', 'middle_names', 'surname',
        'sex', 'sex_source_value', 'ethnicity_code', 'ethnicity_source_value',
        'postcode', 'postcode_outward', 'date_of_birth', 'create_date',
    ] -%}
    {{ return({
        'names': names,
        'checks': [
            [is_garbled('last_name_source'), 'garbled_text:last_name'],
            [is_garbled('first_name_source'), 'garbled_text:first_name'],
            [is_garbled('middle_name_source'), 'garbled_text:middle_name'],
            ['surname is null and forenames is null', 'missing_name'],
            ['create_date is null', 'unparseable_date:create_date'],
            ['not ' ~ is_valid_date('create_date'),
                'impossible_date:create_date'],
            ['not ' ~ is_valid_date('date_of_birth')
                ~ ' or date_of_birth > create_date',
                'impossible_date:birth_date'],
        ],
        'columns': columns | join(',\n        '),
    }) }}
{%- endmacro %}
