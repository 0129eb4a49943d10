{#- DuckDB implementation of name_similarity. -#}
{% macro duckdb__name_similarity(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}
