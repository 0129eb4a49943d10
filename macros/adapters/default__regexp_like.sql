{#- Spark SQL implementation of regexp_like. Spark SQL reads backslash
    escapes in string literals, so the pattern's backslashes are doubled to
    reach the (Java) regular expression as written. -#}
{% macro default__regexp_like(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern | replace('\\', '\\\\') }}')
{%- endmacro %}
