{#-
    The data-quality flags on a person's date of birth, the same in every
    staging model holding people: missing_date_of_birth when the source holds
    none, and date_of_birth_first_of_january for 1 January (a common stand-in
    for an unknown day and month). For all_flags, in that order.

    Arguments:
        date_of_birth_source: the column that is null when the source holds
            no date of birth: the trimmed text before parsing (e.g.
            'date_of_birth_source', so that unparseable text is not called
            missing), or the date itself where the source types it
            (default 'date_of_birth').
        person_when: optional SQL condition for the rows that are people
            (e.g. 'not is_company'): a missing date of birth is flagged only
            on them.
-#}
{% macro date_of_birth_flags(
    date_of_birth_source='date_of_birth', person_when=none
) -%}
    {%- set person = person_when ~ ' and ' if person_when else '' -%}
    {{ return([
        [person ~ date_of_birth_source ~ ' is null', 'missing_date_of_birth'],
        ['extract(month from date_of_birth) = 1'
            ~ ' and extract(day from date_of_birth) = 1',
            'date_of_birth_first_of_january'],
    ]) }}
{%- endmacro %}
