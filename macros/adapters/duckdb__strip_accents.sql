{#- DuckDB implementation of strip_accents. -#}
{% macro duckdb__strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}
