{#- One row per published table and granularity: how many of its rows are
    unique on its quasi-identifiers (meta.quasi_identifiers: the event date,
    court or prison, age, sex, ethnicity and local authority it holds), as
    built (fine) and as the coarse release publishes them (coarse: event
    dates to the month, ages to bands; macro coarsen_quasi_identifier). A
    table without quasi-identifiers has no unique rows to count. -#}
{%- set marts = [] -%}
{%- for mart in published_tables() -%}
{%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ mart.name)
    if execute else none -%}
{%- if node and node.config.meta.get('quasi_identifiers') is none -%}
{{ exceptions.raise_compiler_error(
    mart.name ~ ': declare meta.quasi_identifiers (a list, maybe empty)'
) }}
{%- endif -%}
{%- set columns = node.config.meta.get('quasi_identifiers') if node
    else [] -%}
{%- set coarse = [] -%}
{%- for column in columns -%}
{%- do coarse.append(coarsen_quasi_identifier(column) | trim) -%}
{%- endfor -%}
{%- do marts.append({
    'name': mart.name,
    'columns': columns | join(', '),
    'fine': 'count(*) over (partition by ' ~ columns | join(', ') ~ ')'
        if columns else 'cast(null as bigint)',
    'coarse': 'count(*) over (partition by ' ~ coarse | join(', ') ~ ')'
        if columns else 'cast(null as bigint)',
}) -%}
{%- endfor -%}
with

{% for mart in marts %}
{{ mart.name }}__grouped as (
    select
        {{ mart.fine }} as fine_group_size,
        {{ mart.coarse }} as coarse_group_size
    from {{ ref(mart.name) }}
),

{{ mart.name }}__fine as (
    select
        '{{ mart.name }}' as mart_name,
        'fine' as granularity,
        '{{ mart.columns }}' as quasi_identifiers,
        count(*) as row_count,
        count(*) filter (where fine_group_size = 1) as unique_rows,
        min(fine_group_size) as smallest_group_size
    from {{ mart.name }}__grouped
),

{{ mart.name }}__coarse as (
    select
        '{{ mart.name }}' as mart_name,
        'coarse' as granularity,
        '{{ mart.columns }}' as quasi_identifiers,
        count(*) as row_count,
        count(*) filter (where coarse_group_size = 1) as unique_rows,
        min(coarse_group_size) as smallest_group_size
    from {{ mart.name }}__grouped
),

{% endfor %}
unioned as (
    {% for mart in marts %}
    select * from {{ mart.name }}__fine
    union all
    select * from {{ mart.name }}__coarse
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        mart_name,
        granularity,
        nullif(quasi_identifiers, '') as quasi_identifiers,
        row_count,
        case when quasi_identifiers != '' then unique_rows end as unique_rows,
        case
            when quasi_identifiers != ''
                then cast(unique_rows as double) / nullif(row_count, 0)
        end as unique_share,
        smallest_group_size
    from unioned
)

select * from final
