{#- Spark SQL implementation of array_has. -#}
{% macro default__array_has(array, value) -%}
    array_contains({{ array }}, {{ value }})
{%- endmacro %}
