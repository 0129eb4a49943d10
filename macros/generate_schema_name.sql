{#-
    Use the folder's custom schema name as it is (staging, intermediate,
    linkage, marts, lookups) rather than prefixing it with the target schema,
    so researchers query `marts.hocas_flatfile` on every target.

    Arguments:
        custom_schema_name: the `+schema` configured for the node, or none.
        node: the node being built.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
