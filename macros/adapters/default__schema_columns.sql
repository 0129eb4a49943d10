{#- Spark SQL implementation of schema_columns (its catalog has no
    information schema): the adapter lists the schema's relations and their
    columns, written out as rows. -#}
{% macro default__schema_columns(schema) -%}
    {%- set rows = [] -%}
    {%- if execute -%}
        {%- set schema_relation = api.Relation.create(database=target.get('database'), schema=schema) -%}
        {%- for relation in adapter.list_relations_without_caching(schema_relation) -%}
            {%- for column in adapter.get_columns_in_relation(relation) -%}
                {%- do rows.append("select '" ~ relation.identifier ~ "' as table_name, '"
                    ~ column.name ~ "' as column_name") -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if rows -%}
        {{ rows | join('\nunion all\n') }}
    {%- else -%}
        select
            cast(null as string) as table_name,
            cast(null as string) as column_name
        where false
    {%- endif -%}
{%- endmacro %}
