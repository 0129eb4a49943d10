{#- Spark SQL implementation of name_similarity: the runner registers
    datafirst_jaro_winkler (datafirst.linkage.dialect.jaro_winkler). -#}
{% macro default__name_similarity(left, right) -%}
    datafirst_jaro_winkler({{ left }}, {{ right }})
{%- endmacro %}
