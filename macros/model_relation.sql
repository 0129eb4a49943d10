{#-
    The relation another model of this project builds, found through the
    graph: for a model that reads a relation named in a mart's metadata
    (meta.rows_in), where ref() cannot be written statically. The caller
    must run after it: the audit models ref every mart, and a mart's rows_in
    model is upstream of the mart (a test checks it). Only valid when
    execute is true.

    Arguments:
        name: the model's name, e.g. 'int_libra_offence_trusted'.
-#}
{% macro model_relation(name) -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ name) -%}
    {%- if node is none -%}
        {{ exceptions.raise_compiler_error('model_relation: no model ' ~ name) }}
    {%- endif -%}
    {{ return(api.Relation.create(
        database=node.database, schema=node.schema, identifier=node.alias
    )) }}
{%- endmacro %}
