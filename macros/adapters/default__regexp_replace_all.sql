{#- Spark SQL implementation of regexp_replace_all: replaces every match.
    Backslashes are doubled for Spark's string literals, and the
    replacement's group references \1..\9 become Java's $1..$9. -#}
{% macro default__regexp_replace_all(expression, pattern, replacement) -%}
    {%- set java_replacement = modules.re.sub('\\\\([0-9])', '$\\1', replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern | replace('\\', '\\\\') }}', '{{ java_replacement }}')
{%- endmacro %}
