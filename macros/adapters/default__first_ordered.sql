{#- Spark SQL implementation of first_ordered: min_by over a struct of the
    ordering keys, each preceded by whether it is null (nulls last), a
    'desc' key negated. -#}
{% macro default__first_ordered(value, order_by) -%}
    {%- set keys = [] -%}
    {%- for item in order_by -%}
        {%- set parts = item.strip().rsplit(' ', 1) -%}
        {%- set expression = parts[0] -%}
        {%- set direction = parts[1] | lower if parts | length > 1 else 'asc' -%}
        {%- do keys.append('(' ~ expression ~ ') is null') -%}
        {%- do keys.append(('-(' ~ expression ~ ')') if direction == 'desc' else expression) -%}
    {%- endfor -%}
    min_by({{ value }}, struct({{ keys | join(', ') }}))
{%- endmacro %}
