{#- One CTE per raw table (the list comes from raw_tables(), generated from
    the registry) for the rows its staging model quarantined, and one per
    table with parents for its orphans: staged rows left out of its trusted
    rows because a parent is missing or quarantined (reason
    orphan_of_<parent>:<column>, the first parent at fault). Unioned. -#}
{%- set parts = [] -%}
with

{% for raw in raw_tables() %}
{%- do parts.append(raw.system ~ '__' ~ raw.table) %}
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

{% if raw.parents %}
{%- do parts.append(raw.system ~ '__' ~ raw.table ~ '_orphans') %}
{%- set checks = [] %}
{%- for parent in raw.parents %}
{%- do checks.append([
    'staged.' ~ parent.column ~ ' is not null and staged.' ~ parent.column
    ~ ' not in (select ' ~ parent.key ~ ' from '
    ~ ref('int_' ~ raw.system ~ '_' ~ parent.table ~ '_trusted') ~ ')',
    'orphan_of_' ~ parent.table ~ ':' ~ parent.column,
]) %}
{%- endfor %}
{{ raw.system }}__{{ raw.table }}_orphans as (
    select
        '{{ raw.system }}' as source_system,
        '{{ raw.table }}' as source_table,
        staged.source_row_number,
        cast(staged.{{ raw.key }} as string) as record_key,
        {{ first_reason(checks) }} as quarantine_reason,
        staged.dq_flags
    from {{ ref('stg_' ~ raw.system ~ '__' ~ raw.table) }} as staged
    where
        staged.quarantine_reason is null
        and staged.source_row_number not in (
            select trusted_rows.source_row_number
            from {{ ref('int_' ~ raw.system ~ '_' ~ raw.table ~ '_trusted') }}
                as trusted_rows
        )
),

{% endif %}
{% endfor %}
unioned as (
    {% for part in parts %}
    select * from {{ part }}
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
