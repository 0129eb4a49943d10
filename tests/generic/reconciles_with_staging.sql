{#-
    Applied to a raw source table: fails when the raw row count differs from
    the staged (trusted) rows plus the quarantined rows of that table, i.e.
    when a row was lost or counted twice between the extract and staging.

    Arguments:
        model: the raw source table (applied under the source's data_tests).
        staging_model: the staging model of that table, e.g.
            ref('stg_libra__defendant_case').
        source_system: the raw table's system, as in the quarantine table.
        source_table: the raw table's name.
-#}
{% test reconciles_with_staging(model, staging_model, source_system, source_table) %}
    with

    raw_rows as (
        select count(*) as row_count from {{ model }}
    ),

    staged_rows as (
        select count(*) as row_count
        from {{ staging_model }}
        where quarantine_reason is null
    ),

    quarantined_rows as (
        select count(*) as row_count
        from {{ ref('int_source_rows_quarantined') }}
        where
            source_system = '{{ source_system }}'
            and source_table = '{{ source_table }}'
    )

    select
        raw_rows.row_count as raw_row_count,
        staged_rows.row_count as staged_row_count,
        quarantined_rows.row_count as quarantined_row_count
    from raw_rows
    cross join staged_rows
    cross join quarantined_rows
    where raw_rows.row_count <> staged_rows.row_count + quarantined_rows.row_count
{% endtest %}
