{#-
    SQL listing every column of every relation in a schema of the
    warehouse: one row per column, with columns table_name and column_name.

    Arguments:
        schema: the schema's name as built (e.g. generate_schema_name('marts', none)).
-#}
{% macro schema_columns(schema) -%}
    {{ return(adapter.dispatch('schema_columns', 'datafirst')(schema)) }}
{%- endmacro %}
