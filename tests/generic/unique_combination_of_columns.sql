{#-
    Fails for every combination of the given columns that occurs more than
    once (the grain of a table with a composite key).

    Arguments:
        model: the model under test.
        combination_of_columns: list of column names.
-#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    select
        {{ combination_of_columns | join(', ') }},
        count(*) as occurrences
    from {{ model }}
    group by {{ combination_of_columns | join(', ') }}
    having count(*) > 1
{% endtest %}
