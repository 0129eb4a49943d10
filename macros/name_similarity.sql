{#-
    Jaro-Winkler similarity of two strings (0 to 1; null when either is
    null), the same on every engine: DuckDB's jaro_winkler_similarity, and on
    Spark the function datafirst_jaro_winkler that computes it bit for bit
    (datafirst.linkage.dialect, registered by the spark target's runner).

    Arguments:
        left: SQL string expression.
        right: SQL string expression.
-#}
{% macro name_similarity(left, right) -%}
    {{ return(adapter.dispatch('name_similarity', 'datafirst')(left, right)) }}
{%- endmacro %}
