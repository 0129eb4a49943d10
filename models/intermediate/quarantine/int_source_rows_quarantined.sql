{#- One CTE per raw table (the list comes from raw_tables(), generated from
    the generator's table specs), unioned. -#}
with

{% for raw in raw_tables() %}
{{ raw.system }}__{{ raw.table }} as (
    select
        '{{ raw.system }}' as source_system,
        '{{ raw.table }}' as source_table,
        source_row_number,
        cast({{ raw.key }} as string) as record_key,
        quarantine_reason,
        dq_flags
    from {{ ref('stg_' ~ raw.system ~ '__' ~ raw.table) }}
    where quarantine_reason is not null
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
        source_row_number,
        record_key,
        quarantine_reason,
        split_part(quarantine_reason, ':', 1) as quarantine_kind,
        nullif(split_part(quarantine_reason, ':', 2), '') as quarantine_column,
        dq_flags
    from unioned
)

select * from final
