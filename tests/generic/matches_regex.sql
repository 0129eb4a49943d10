{#-
    Fails for every non-null value of a column that does not match a regular
    expression.

    Arguments:
        model: the model under test.
        column_name: the column.
        regex: the regular expression the whole value must match.
-#}
{% test matches_regex(model, column_name, regex) %}
    select {{ column_name }}
    from {{ model }}
    where
        {{ column_name }} is not null
        and not {{ regexp_like(column_name, regex) }}
{% endtest %}
