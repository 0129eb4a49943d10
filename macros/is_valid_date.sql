{#-
    True when a parsed date lies in the window the warehouse accepts
    (vars earliest_valid_date and latest_valid_date); dates outside it (a
    birth in 1871, a hearing in 2091) are impossible and quarantined.

    Arguments:
        expression: SQL date expression.
-#}
{% macro is_valid_date(expression) -%}
    ({{ expression }} between cast('{{ var("earliest_valid_date") }}' as date)
        and cast('{{ var("latest_valid_date") }}' as date))
{%- endmacro %}
