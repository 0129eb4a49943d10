{#-
    Fails for every value of a cluster id column whose rows do not all share
    one value of a coarser cluster id: each fine cluster must lie inside one
    coarse cluster (e.g. high-threshold clusters inside default ones, per-dataset
    person ids inside cross-justice ids).

    Arguments:
        model: the model under test.
        column_name: the finer cluster id.
        parent: the coarser cluster id.
-#}
{% test nested_within(model, column_name, parent) %}
    select
        {{ column_name }},
        count(distinct {{ parent }}) as parent_clusters
    from {{ model }}
    group by {{ column_name }}
    having count(distinct {{ parent }}) > 1
{% endtest %}
