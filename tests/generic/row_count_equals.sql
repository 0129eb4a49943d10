{#-
    Fails when the model does not have exactly as many rows as another
    relation (e.g. one cluster row for every person record).

    Arguments:
        model: the model under test.
        compare_model: the relation whose row count must match, e.g.
            ref('int_person_records_unioned').
-#}
{% test row_count_equals(model, compare_model) %}
    with

    model_rows as (
        select count(*) as row_count from {{ model }}
    ),

    compare_rows as (
        select count(*) as row_count from {{ compare_model }}
    )

    select
        model_rows.row_count as model_row_count,
        compare_rows.row_count as compare_row_count
    from model_rows
    cross join compare_rows
    where model_rows.row_count <> compare_rows.row_count
{% endtest %}
