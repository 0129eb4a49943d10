{#- Spark SQL implementation of array_of. -#}
{% macro default__array_of(expressions) -%}
    array({{ expressions | join(', ') }})
{%- endmacro %}
