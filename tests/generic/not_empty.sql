{#-
    Fails when the model has no rows.

    Arguments:
        model: the model under test.
-#}
{% test not_empty(model) %}
    select 'no rows' as problem
    from (select count(*) as row_count from {{ model }}) as counted
    where row_count = 0
{% endtest %}
