{#-
    The first word of a standardised forenames field, the forename a person
    goes by: 'JOHN PAUL' gives 'JOHN'; null stays null. The rest of the field
    is other_name_parts.

    Arguments:
        expression: SQL expression holding forenames already passed through
            standardise_name (single spaces, no leading or trailing space).
-#}
{% macro first_name_part(expression) -%}
    split_part({{ expression }}, ' ', 1)
{%- endmacro %}
