{#- DuckDB implementation of array_of: a list literal. -#}
{% macro duckdb__array_of(expressions) -%}
    [{{ expressions | join(', ') }}]
{%- endmacro %}
