{#-
    The SQL type of an array of the given element type, e.g. to cast null to
    an empty alias list.

    Arguments:
        element_type: 'varchar' or 'date'.
-#}
{% macro array_type(element_type) -%}
    {{ return(adapter.dispatch('array_type', 'datafirst')(element_type)) }}
{%- endmacro %}
