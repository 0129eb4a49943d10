{#- DuckDB implementation of array_type. -#}
{% macro duckdb__array_type(element_type) -%}
    {{ element_type }}[]
{%- endmacro %}
