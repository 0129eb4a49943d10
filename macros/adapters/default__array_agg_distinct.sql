{#- Spark SQL implementation of array_agg_distinct. -#}
{% macro default__array_agg_distinct(expression) -%}
    nullif(array_sort(collect_set({{ expression }})), array())
{%- endmacro %}
