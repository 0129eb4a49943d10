{#- Spark SQL implementation of parse_date (to_timestamp gives null on bad
    input with ANSI mode off). -#}
{% macro default__parse_date(expression, layout) -%}
    {%- set formats = {
        'dd/mm/yyyy': ['dd/MM/yyyy', '^[0-9]{2}/[0-9]{2}/[0-9]{4}$'],
        'yyyy-mm-dd': ['yyyy-MM-dd', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'],
        'yyyymmdd': ['yyyyMMdd', '^[0-9]{8}$'],
        'dd-MON-yy': ['dd-MMM-yy', '^[0-9]{2}-[A-Za-z]{3}-[0-9]{2}$'],
    } -%}
    {%- if layout not in formats -%}
        {{ exceptions.raise_compiler_error('parse_date: unknown layout ' ~ layout) }}
    {%- endif -%}
    {#- As on DuckDB, text must have the layout's exact shape first
        ('1/6/2019' and '2019061' give null on every adapter). -#}
    case
        when {{ regexp_like('trim(' ~ expression ~ ')', formats[layout][1]) }}
            then cast(try_to_timestamp(trim({{ expression }}), '{{ formats[layout][0] }}') as date)
    end
{%- endmacro %}
