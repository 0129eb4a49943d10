{#-
    Standardise a UK postcode: upper case, every space and stray character
    removed, then one space before the three-character inward code
    ('ls97ab', 'LS9 7AB' and ' ls9  7ab' all give 'LS9 7AB'). Text that is not
    a valid-format postcode once cleaned gives null.

    Arguments:
        expression: SQL string expression holding the postcode.
-#}
{% macro standardise_postcode(expression) -%}
    {%- set compact = regexp_replace_all("upper(" ~ expression ~ ")", "[^A-Z0-9]", "") -%}
    case
        when {{ regexp_like(compact, '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$') }}
            then
                substr({{ compact }}, 1, length({{ compact }}) - 3)
                || ' '
                || substr({{ compact }}, length({{ compact }}) - 2, 3)
    end
{%- endmacro %}
