{#-
    The words of a standardised forenames field after the first (see
    first_name_part), the middle names: 'JOHN PAUL GEORGE' gives
    'PAUL GEORGE'; a single forename gives null, and null stays null.

    Arguments:
        expression: SQL expression holding forenames already passed through
            standardise_name (single spaces, no leading or trailing space).
-#}
{% macro other_name_parts(expression) -%}
    nullif(
        substr(
            {{ expression }}, length({{ first_name_part(expression) }}) + 2
        ),
        ''
    )
{%- endmacro %}
