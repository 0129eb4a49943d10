{#- DuckDB implementation of array_agg_distinct. -#}
{% macro duckdb__array_agg_distinct(expression) -%}
    list(distinct {{ expression }} order by {{ expression }})
        filter (where {{ expression }} is not null)
{%- endmacro %}
