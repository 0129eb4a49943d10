{#-
    True when text matches a regular expression (anywhere in the text).

    Arguments:
        expression: SQL string expression.
        pattern: regular expression, as a SQL string literal body.
-#}
{% macro regexp_like(expression, pattern) -%}
    {{ return(adapter.dispatch('regexp_like', 'datafirst')(expression, pattern)) }}
{%- endmacro %}
