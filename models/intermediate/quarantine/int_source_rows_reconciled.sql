{#- Row counts per raw table from three places: the raw rows (every staging
    model holds exactly one row per raw row), the trusted rows (its trusted
    view, which every later layer reads) and the quarantined rows (by
    staging, or as orphans of a missing or quarantined parent). -#}
with

quarantined as (
    select
        source_system,
        source_table,
        count(*) as quarantined_rows,
        count(*) filter (
            where quarantine_kind like 'orphan_of_%'
        ) as orphaned_rows
    from {{ ref('int_source_rows_quarantined') }}
    group by source_system, source_table
),

{% for raw in raw_tables() %}
{{ raw.system }}__{{ raw.table }} as (
    select
        '{{ raw.system }}' as source_system,
        '{{ raw.table }}' as source_table,
        (
            select count(*)
            from {{ ref('stg_' ~ raw.system ~ '__' ~ raw.table) }}
        ) as raw_rows,
        count(*) as staged_rows,
        count(*) filter (where dq_flags is not null) as flagged_rows
    from {{ ref('int_' ~ raw.system ~ '_' ~ raw.table ~ '_trusted') }}
),

{% endfor %}
unioned as (
    {% for raw in raw_tables() %}
    select * from {{ raw.system }}__{{ raw.table }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        unioned.source_system,
        unioned.source_table,
        unioned.raw_rows,
        unioned.staged_rows,
        coalesce(quarantined.quarantined_rows, 0) as quarantined_rows,
        coalesce(quarantined.orphaned_rows, 0) as orphaned_rows,
        unioned.flagged_rows,
        cast(coalesce(quarantined.quarantined_rows, 0) as double)
        / nullif(unioned.raw_rows, 0) as quarantined_share
    from unioned
    left join quarantined
        on
            unioned.source_system = quarantined.source_system
            and unioned.source_table = quarantined.source_table
)

select * from final
