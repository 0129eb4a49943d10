{#-
    The known variants of a forename: its nicknames and the formal names it
    is a nickname of (the nicknames package's list of English given names),
    upper case, sorted, without the name itself; null when it has none. The
    warehouse registers the function datafirst_forename_variants with each
    engine (DuckDB: the dbt-duckdb plugin datafirst.warehouse.names).

    Arguments:
        expression: SQL expression holding a standardised forename.
-#}
{% macro name_variants(expression) -%}
    datafirst_forename_variants({{ expression }})
{%- endmacro %}
