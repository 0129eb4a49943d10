{#-
    Fails for every row where a boolean SQL expression is not true.

    Arguments:
        model: the model under test.
        expression: SQL boolean expression over the model's columns.
-#}
{% test expression_is_true(model, expression) %}
    select *
    from {{ model }}
    where not coalesce({{ expression }}, false)
{% endtest %}
