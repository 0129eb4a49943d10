{#-
    Applied to a raw source table: fails when the raw row count differs from
    the trusted rows plus the quarantined rows of that table (quarantined by
    staging, or as orphans of a missing or quarantined parent), i.e. when a
    row was lost or counted twice between the extract and the layers that
    read it.

    Arguments:
        model: the raw source table (applied under the source's data_tests).
        trusted_model: the trusted-rows model of that table, e.g.
            ref('int_libra_offence_trusted').
        source_system: the raw table's system, as in the quarantine table.
        source_table: the raw table's name.
-#}
{% test reconciles_with_staging(model, trusted_model, source_system, source_table) %}
    with

    raw_rows as (
        select count(*) as row_count from {{ model }}
    ),

    trusted_rows as (
        select count(*) as row_count from {{ trusted_model }}
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
        trusted_rows.row_count as trusted_row_count,
        quarantined_rows.row_count as quarantined_row_count
    from raw_rows
    cross join trusted_rows
    cross join quarantined_rows
    where raw_rows.row_count <> trusted_rows.row_count + quarantined_rows.row_count
{% endtest %}
