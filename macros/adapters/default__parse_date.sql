{#- Spark SQL implementation of parse_date (to_date gives null on bad input
    with ANSI mode off). -#}
{% macro default__parse_date(expression, layout) -%}
    {%- set formats = {
        'dd/mm/yyyy': 'dd/MM/yyyy',
        'yyyy-mm-dd': 'yyyy-MM-dd',
        'yyyymmdd': 'yyyyMMdd',
        'dd-MON-yy': 'dd-MMM-yy',
    } -%}
    cast(try_to_timestamp(nullif(trim({{ expression }}), ''), '{{ formats[layout] }}') as date)
{%- endmacro %}
