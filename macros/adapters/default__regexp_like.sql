{#- Spark SQL implementation of regexp_like. -#}
{% macro default__regexp_like(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern }}')
{%- endmacro %}
