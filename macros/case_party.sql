{#-
    The shape shared by the parties of civil and family cases (CaseMan,
    PCOL, FamilyMan), written once: the party's role, decoded to its
    category through seed party_roles (the rows of one source system) and
    checked against it, and its kind from party_type, a person or an
    organisation. Person fields (title, names, date of birth, sex) apply to
    people only; an organisation needs its organisation name instead.

    Returns a dict of the pieces the staging model places:
        columns: select columns for the renamed CTE (no trailing comma): the
            role code, party_category, party_type and is_<organisation_type>
            (e.g. is_company).
        is_person, is_organisation: SQL conditions on the source's
            party_type, for the renamed CTE's person-only and
            organisation-only columns.
        person_when: the SQL condition for people in the checked CTE
            ('not is_company'), for date_of_birth_flags and the like.
        missing_name: the quarantine checks of a person without surname and
            forenames and an organisation without its name.
        role_check: the quarantine check of a role code missing or not in
            the seed.
        type_flag: the data-quality flag of a party_type that is neither
            person_type nor organisation_type.

    Arguments:
        source_system: the party_roles rows to decode and check with, e.g.
            'caseman'.
        role_column: the source column holding the role code, kept under
            its own name, e.g. 'party_role_code'.
        person_type: the party_type value of a person, e.g. 'individual'.
        organisation_type: the party_type value of an organisation, e.g.
            'company'; it also names the flag column (is_company).
-#}
{% macro case_party(
    source_system, role_column, person_type, organisation_type
) -%}
    {%- set seed_where = {'source_system': source_system} -%}
    {%- set is_organisation_column = 'is_' ~ organisation_type -%}
    {%- set is_organisation = "trim(party_type) = '"
        ~ organisation_type ~ "'" -%}
    {%- set columns -%}
        nullif(trim({{ role_column }}), '') as {{ role_column }},
        {{ decode_code(role_column, 'party_roles', 'role_code',
            'party_category', seed_where) }} as party_category,
        nullif(trim(party_type), '') as party_type,
        coalesce({{ is_organisation }}, false)
            as {{ is_organisation_column }}
    {%- endset -%}
    {{ return({
        'columns': columns,
        'is_person': "coalesce(trim(party_type), '') <> '"
            ~ organisation_type ~ "'",
        'is_organisation': is_organisation,
        'person_when': 'not ' ~ is_organisation_column,
        'missing_name': [
            ['not ' ~ is_organisation_column
                ~ ' and surname is null and forenames is null',
                'missing_name'],
            [is_organisation_column ~ ' and organisation_name is null',
                'missing_name'],
        ],
        'role_check': [
            role_column ~ ' is null or not ' ~ code_in_seed(role_column,
                'party_roles', 'role_code', seed_where),
            'unknown_code:' ~ role_column,
        ],
        'type_flag': [
            "coalesce(party_type, '') not in ('" ~ person_type ~ "', '"
                ~ organisation_type ~ "')",
            'unknown_code:party_type',
        ],
    }) }}
{%- endmacro %}
