{#- DuckDB implementation of parse_date: try_strptime never raises. -#}
{% macro duckdb__parse_date(expression, layout) -%}
    {%- set formats = {
        'dd/mm/yyyy': '%d/%m/%Y',
        'yyyy-mm-dd': '%Y-%m-%d',
        'yyyymmdd': '%Y%m%d',
        'dd-MON-yy': '%d-%b-%y',
    } -%}
    {%- if layout not in formats -%}
        {{ exceptions.raise_compiler_error('parse_date: unknown layout ' ~ layout) }}
    {%- endif -%}
    cast(try_strptime(nullif(trim({{ expression }}), ''), '{{ formats[layout] }}') as date)
{%- endmacro %}
