{#-
    True when an array holds a value (null when the array is null).

    Arguments:
        array: SQL array expression.
        value: SQL expression of the array's element type.
-#}
{% macro array_has(array, value) -%}
    {{ return(adapter.dispatch('array_has', 'datafirst')(array, value)) }}
{%- endmacro %}
