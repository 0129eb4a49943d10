{#-
    An array holding the given expressions, in order.

    Arguments:
        expressions: list of SQL expressions.
-#}
{% macro array_of(expressions) -%}
    {{ return(adapter.dispatch('array_of', 'datafirst')(expressions)) }}
{%- endmacro %}
