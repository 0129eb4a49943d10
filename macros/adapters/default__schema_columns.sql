{#- Spark SQL implementation of schema_columns (its catalog has no
    information schema): the schema's tables (show tables) and the columns
    the adapter finds in each, written out as rows. -#}
{% macro default__schema_columns(schema) -%}
    {%- set rows = [] -%}
    {%- if execute and adapter.check_schema_exists(target.get('database'), schema) -%}
        {%- for table in run_query('show tables in ' ~ schema) -%}
            {%- if not table['isTemporary'] -%}
                {%- set relation = api.Relation.create(
                    schema=schema, identifier=table['tableName']
                ) -%}
                {%- for column in adapter.get_columns_in_relation(relation) -%}
                    {%- do rows.append("('" ~ table['tableName'] ~ "', '" ~ column.name ~ "')") -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if rows -%}
        select
            table_name,
            column_name
        from values {{ rows | join(', ') }} as schema_columns (table_name, column_name)
    {%- else -%}
        select
            cast(null as string) as table_name,
            cast(null as string) as column_name
        where false
    {%- endif -%}
{%- endmacro %}
