{#-
    True when a parsed date lies in the window the warehouse accepts
    (vars earliest_valid_date and latest_valid_date); dates outside it (a
    birth in 1871, a hearing in 2091) are impossible and quarantined. A
    system that went live later starts its window later: earliest_var
    names the var holding its first possible date (OASys:
    oasys_earliest_date).

    Arguments:
        expression: SQL date expression.
        earliest_var: the var holding the window's first date (default
            'earliest_valid_date').
-#}
{% macro is_valid_date(expression, earliest_var='earliest_valid_date') -%}
    ({{ expression }} between cast('{{ var(earliest_var) }}' as date)
        and cast('{{ var("latest_valid_date") }}' as date))
{%- endmacro %}
