{#- Row counts per raw table: every staging view holds exactly one row per
    raw row (the reconciles_with_staging source tests prove it), split into
    staged (trusted) and quarantined rows. -#}
with

{% for raw in raw_tables() %}
{{ raw.system }}__{{ raw.table }} as (
    select
        '{{ raw.system }}' as source_system,
        '{{ raw.table }}' as source_table,
        count(*) as raw_rows,
        count(*) filter (where quarantine_reason is null) as staged_rows,
        count(*) filter (where quarantine_reason is not null)
            as quarantined_rows,
        count(*) filter (
            where quarantine_reason is null and dq_flags is not null
        ) as flagged_rows
    from {{ ref('stg_' ~ raw.system ~ '__' ~ raw.table) }}
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
        source_system,
        source_table,
        raw_rows,
        staged_rows,
        quarantined_rows,
        flagged_rows,
        cast(quarantined_rows as double) / nullif(raw_rows, 0)
            as quarantined_share
    from unioned
)

select * from final
