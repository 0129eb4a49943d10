{#-
    The Metaphone code of a name (jellyfish's metaphone; null for a null or
    empty name): names spelt differently that sound alike share it. The
    warehouse registers the function datafirst_metaphone with each engine
    (DuckDB: the dbt-duckdb plugin datafirst.warehouse.names).

    Arguments:
        expression: SQL expression holding a standardised name.
-#}
{% macro name_metaphone(expression) -%}
    datafirst_metaphone({{ expression }})
{%- endmacro %}
