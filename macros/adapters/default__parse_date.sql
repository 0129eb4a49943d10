{#- Spark SQL implementation of parse_date (try_to_timestamp gives null on
    bad input). Two-digit years are read as DuckDB reads them (00-68 are
    2000-2068, 69-99 are 1969-1999); Spark's own 'yy' reads them all as
    2000-2099. -#}
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
    {%- set parsed = 'cast(try_to_timestamp(trim(' ~ expression ~ '), \''
        ~ formats[layout][0] ~ '\') as date)' -%}
    {#- As on DuckDB, text must have the layout's exact shape first
        ('1/6/2019' and '2019061' give null on every adapter). -#}
    case
        when {{ regexp_like('trim(' ~ expression ~ ')', formats[layout][1]) }}
            {%- if layout == 'dd-MON-yy' %}
            then case
                when year({{ parsed }}) >= 2069 then add_months({{ parsed }}, -1200)
                else {{ parsed }}
            end
            {%- else %}
            then {{ parsed }}
            {%- endif %}
    end
{%- endmacro %}
