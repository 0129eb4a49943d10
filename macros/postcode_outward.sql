{#-
    The outward code (district) of a standardised postcode: 'LS9 7AB' gives
    'LS9'; null stays null.

    Arguments:
        expression: SQL expression holding a postcode already passed through
            standardise_postcode.
-#}
{% macro postcode_outward(expression) -%}
    nullif(split_part({{ expression }}, ' ', 1), '')
{%- endmacro %}
