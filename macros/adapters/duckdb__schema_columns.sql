{#- DuckDB implementation of schema_columns: the information schema. -#}
{% macro duckdb__schema_columns(schema) -%}
    select
        table_name,
        column_name
    from information_schema.columns
    where table_schema = '{{ schema }}'
{%- endmacro %}
