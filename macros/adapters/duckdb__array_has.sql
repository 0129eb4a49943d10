{#- DuckDB implementation of array_has. -#}
{% macro duckdb__array_has(array, value) -%}
    list_contains({{ array }}, {{ value }})
{%- endmacro %}
