{#- Spark SQL implementation of array_type. -#}
{% macro default__array_type(element_type) -%}
    array<{{ {'varchar': 'string'}.get(element_type, element_type) }}>
{%- endmacro %}
