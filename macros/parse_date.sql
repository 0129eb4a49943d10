{#-
    Parse a date held as text in one of the source systems' layouts; text
    that is blank, not exactly in the layout, or not a real date (31/02)
    gives null (the staging model then quarantines or flags the row).

    Arguments:
        expression: SQL expression holding the text.
        layout: one of 'dd/mm/yyyy', 'yyyy-mm-dd', 'yyyymmdd', 'dd-MON-yy'.
-#}
{% macro parse_date(expression, layout) -%}
    {{ return(adapter.dispatch('parse_date', 'datafirst')(expression, layout)) }}
{%- endmacro %}
