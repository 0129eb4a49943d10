{#- The completeness of every published column, overall and by year: one row
    per published table, column and period. The period is `all`, or a year
    of the table's own event date (meta.period_column on the table's page;
    `not_recorded` for rows without it); tables without an event date of
    their own (parties, OASys details, linking tables) are profiled overall
    only. Overall rows also count distinct values and, for dates and numbers,
    give the range. A by-year row flags a break in the series: completeness
    moving by at least 0.10 from the year before, both years with at least
    50 rows. -#}
{%- set ranged_types = ['date', 'timestamp', 'integer', 'bigint', 'double',
    'float', 'decimal', 'numeric', 'smallint', 'int'] -%}
{%- set marts = [] -%}
{%- for mart in published_tables() -%}
{%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ mart.name)
    if execute else none -%}
{%- if node and 'period_column' not in node.config.meta -%}
{{ exceptions.raise_compiler_error(
    mart.name ~ ': declare meta.period_column (an event date column, or null)'
) }}
{%- endif -%}
{%- set columns = [] -%}
{%- for column in (node.columns.values() if node else []) -%}
{%- set type = (column.data_type or '') | lower -%}
{%- do columns.append({
    'name': column.name,
    'ranged': type.split('(')[0] in ranged_types,
}) -%}
{%- endfor -%}
{%- do marts.append({
    'name': mart.name,
    'period': node.config.meta.get('period_column') if node else none,
    'columns': columns,
}) -%}
{%- endfor -%}
with

{% for mart in marts %}
{%- set names = mart.columns | map(attribute='name') | list %}
{%- set ranged = mart.columns | selectattr('ranged') | map(attribute='name')
    | list %}
{{ mart.name }}__filled as (
    select
        '{{ mart.name }}' as mart_name,
        column_name,
        profile_period as period,
        profile_rows as row_count,
        filled_count
    from (
        select
            {% if mart.period -%}
            coalesce(
                cast(extract(year from {{ mart.period }}) as string),
                'not_recorded'
            ) as profile_period,
            {%- else -%}
            'all' as profile_period,
            {%- endif %}
            count(*) as profile_rows,
            {%- for name in names %}
            count({{ name }}) as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref(mart.name) }}
        group by 1
        {%- if mart.period %}
        union all
        select
            'all' as profile_period,
            count(*) as profile_rows,
            {%- for name in names %}
            count({{ name }}) as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref(mart.name) }}
        {%- endif %}
    ) unpivot (filled_count for column_name in ({{ names | join(', ') }}))
),

{{ mart.name }}__described as (
    select
        '{{ mart.name }}' as mart_name,
        column_name,
        distinct_values
    from (
        select
            {%- for name in names %}
            count(distinct {{ name }}) as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref(mart.name) }}
    ) unpivot (distinct_values for column_name in ({{ names | join(', ') }}))
),

{% for bound in ['min', 'max'] if ranged %}
{{ mart.name }}__{{ bound }} as (
    select
        '{{ mart.name }}' as mart_name,
        column_name,
        {{ bound }}_value
    from (
        select
            {%- for name in ranged %}
            cast({{ bound }}({{ name }}) as string)
                as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ ref(mart.name) }}
    ) unpivot include nulls (
        {{ bound }}_value for column_name in ({{ ranged | join(', ') }})
    )
),

{% endfor %}
{{ mart.name }}__profiled as (
    select
        filled.mart_name,
        filled.column_name,
        '{{ mart.period or '' }}' as period_column,
        filled.period,
        filled.row_count,
        filled.filled_count,
        case
            when filled.period = 'all' then described.distinct_values
        end as distinct_values,
        {%- if ranged %}
        case when filled.period = 'all' then lowest.min_value end as min_value,
        case when filled.period = 'all' then highest.max_value end as max_value
        {%- else %}
        cast(null as string) as min_value,
        cast(null as string) as max_value
        {%- endif %}
    from {{ mart.name }}__filled as filled
    inner join {{ mart.name }}__described as described
        on filled.column_name = described.column_name
    {%- if ranged %}
    left join {{ mart.name }}__min as lowest
        on filled.column_name = lowest.column_name
    left join {{ mart.name }}__max as highest
        on filled.column_name = highest.column_name
    {%- endif %}
),

{% endfor %}
unioned as (
    {%- for mart in marts %}
    select * from {{ mart.name }}__profiled
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

with_completeness as (
    select
        *,
        case
            when row_count > 0 then cast(filled_count as double) / row_count
        end as completeness
    from unioned
),

-- The year before, for the years of a table's event date only.
with_previous as (
    select
        *,
        lag(completeness) over (
            partition by mart_name, column_name order by period
        ) as previous_completeness,
        lag(row_count) over (
            partition by mart_name, column_name order by period
        ) as previous_row_count
    from with_completeness
    where period not in ('all', 'not_recorded')
),

final as (
    select
        with_completeness.mart_name,
        with_completeness.column_name,
        nullif(with_completeness.period_column, '') as period_column,
        with_completeness.period,
        with_completeness.row_count,
        with_completeness.filled_count,
        with_completeness.completeness,
        with_completeness.distinct_values,
        with_completeness.min_value,
        with_completeness.max_value,
        with_previous.completeness
        - with_previous.previous_completeness as completeness_change,
        coalesce(
            abs(with_previous.completeness - with_previous.previous_completeness)
            >= 0.10
            and with_previous.row_count >= 50
            and with_previous.previous_row_count >= 50,
            false
        ) as is_series_break
    from with_completeness
    left join with_previous
        on
            with_completeness.mart_name = with_previous.mart_name
            and with_completeness.column_name = with_previous.column_name
            and with_completeness.period = with_previous.period
)

select * from final
