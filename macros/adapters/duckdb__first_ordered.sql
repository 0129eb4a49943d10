{#- DuckDB implementation of first_ordered: an ordered aggregate. -#}
{% macro duckdb__first_ordered(value, order_by) -%}
    first({{ value }} order by {{ order_by | join(', ') }})
{%- endmacro %}
