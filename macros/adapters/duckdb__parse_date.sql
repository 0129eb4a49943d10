{#- DuckDB implementation of parse_date: try_strptime never raises. -#}
{% macro duckdb__parse_date(expression, layout) -%}
    {%- set formats = {
        'dd/mm/yyyy': ['%d/%m/%Y', '^[0-9]{2}/[0-9]{2}/[0-9]{4}$'],
        'yyyy-mm-dd': ['%Y-%m-%d', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'],
        'yyyymmdd': ['%Y%m%d', '^[0-9]{8}$'],
        'dd-MON-yy': ['%d-%b-%y', '^[0-9]{2}-[A-Za-z]{3}-[0-9]{2}$'],
    } -%}
    {%- if layout not in formats -%}
        {{ exceptions.raise_compiler_error('parse_date: unknown layout ' ~ layout) }}
    {%- endif -%}
    {#- strptime is lenient ('2019061' reads as 2019-06-01): text must have
        the layout's exact shape first. -#}
    case
        when regexp_matches(trim({{ expression }}), '{{ formats[layout][1] }}')
            then cast(try_strptime(trim({{ expression }}), '{{ formats[layout][0] }}') as date)
    end
{%- endmacro %}
