{#-
    Aggregate the distinct non-null values of an expression into a sorted
    array (null when there are none), e.g. all alias surnames of an offender.

    Arguments:
        expression: SQL expression to aggregate.
-#}
{% macro array_agg_distinct(expression) -%}
    {{ return(adapter.dispatch('array_agg_distinct', 'datafirst')(expression)) }}
{%- endmacro %}
