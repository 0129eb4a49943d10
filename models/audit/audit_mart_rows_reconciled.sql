{#- One row per published table: the rows it is built from (the model its
    meta.rows_in names: the trusted rows of a raw table, or the
    intermediate or linkage rows of its grain), the rows its documented
    exclusions (meta.exclusions: name, description and the condition on
    the rows in) leave out, the rows published, and what is left
    unexplained. -#}
{%- set marts = [] -%}
{%- for mart in published_tables() -%}
{%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ mart.name)
    if execute else none -%}
{%- set meta = node.config.meta if node else {} -%}
{%- if node and not meta.get('rows_in') -%}
{{ exceptions.raise_compiler_error(
    mart.name ~ ': declare meta.rows_in, the model its rows come from'
) }}
{%- endif -%}
{%- set exclusions = meta.get('exclusions', []) -%}
{%- set conditions = [] -%}
{%- set counts = [] -%}
{%- for exclusion in exclusions -%}
{%- do conditions.append('(' ~ exclusion.where ~ ')') -%}
{%- do counts.append("'" ~ exclusion.name ~ ": ' || cast(count(*) filter"
    ~ " (where " ~ exclusion.where ~ ") as string)") -%}
{%- endfor -%}
{%- do marts.append({
    'name': mart.name,
    'folder': mart.folder,
    'rows_in': meta.get('rows_in', mart.name),
    'relation': model_relation(meta.rows_in) if node else ref(mart.name),
    'excluded': 'count(*) filter (where ' ~ conditions | join(' or ') ~ ')'
        if exclusions else '0',
    'exclusions': "concat_ws('; ', " ~ counts | join(', ') ~ ')'
        if exclusions else 'cast(null as string)',
}) -%}
{%- endfor -%}
with

{% for mart in marts %}
{{ mart.name }}__counted as (
    select
        count(*) as rows_in,
        {{ mart.excluded }} as excluded_rows,
        {{ mart.exclusions }} as exclusions
    from {{ mart.relation }}
),

{{ mart.name }}__published as (
    select count(*) as published_rows
    from {{ ref(mart.name) }}
),

{{ mart.name }} as (
    select
        '{{ mart.name }}' as mart_name,
        '{{ mart.folder }}' as mart_folder,
        '{{ mart.rows_in }}' as rows_in_model,
        counted.rows_in,
        counted.excluded_rows,
        counted.exclusions,
        published.published_rows
    from {{ mart.name }}__counted as counted
    cross join {{ mart.name }}__published as published
),

{% endfor %}
unioned as (
    {% for mart in marts %}
    select * from {{ mart.name }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

final as (
    select
        mart_name,
        mart_folder,
        rows_in_model,
        rows_in,
        excluded_rows,
        exclusions,
        published_rows,
        rows_in - excluded_rows - published_rows as unexplained_rows,
        cast(abs(rows_in - excluded_rows - published_rows) as double)
        / nullif(rows_in, 0) as unexplained_share
    from unioned
)

select * from final
