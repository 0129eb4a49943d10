{#-
    Replace every match of a regular expression (engines differ on whether
    regexp_replace replaces the first match or all of them).

    Arguments:
        expression: SQL string expression.
        pattern: regular expression, as a SQL string literal body.
        replacement: replacement text.
-#}
{% macro regexp_replace_all(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('regexp_replace_all', 'datafirst')(expression, pattern, replacement)) }}
{%- endmacro %}
