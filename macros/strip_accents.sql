{#-
    Remove accents from letters (é -> e) so that names compare across systems
    that do and do not hold them.

    Arguments:
        expression: SQL string expression.
-#}
{% macro strip_accents(expression) -%}
    {{ return(adapter.dispatch('strip_accents', 'datafirst')(expression)) }}
{%- endmacro %}
