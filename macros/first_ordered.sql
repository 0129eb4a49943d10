{#-
    Aggregate: the value of the first row of the group in the given order
    (as DuckDB's first(value order by ...), nulls of the ordering last).

    Arguments:
        value: SQL expression whose first value is wanted.
        order_by: list of 'expression asc' or 'expression desc' strings, the
            order of the rows; a 'desc' expression must be numeric.
-#}
{% macro first_ordered(value, order_by) -%}
    {{ return(adapter.dispatch('first_ordered', 'datafirst')(value, order_by)) }}
{%- endmacro %}
