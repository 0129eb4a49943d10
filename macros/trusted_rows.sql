{#-
    The trusted rows of one raw table: the rows of its staging model that
    staging did not quarantine and whose every parent (raw_tables()'s
    parents: a column referencing another table of the system) is itself
    trusted. A staged row whose parent is missing or quarantined is an
    orphan: left out here, and quarantined as orphan_of_<parent> in
    int_source_rows_quarantined. Parents are read through their own trusted
    rows, so a grandchild of a quarantined row is an orphan too. A column
    referencing the table itself (an OASys sub-assessment's main assessment)
    is checked one level deep: the referenced row must be staged and have
    trusted parents of other tables. A null parent column refers to no
    parent (staging quarantines the required ones as null_parent_key).

    Arguments:
        system: the raw table's source system, e.g. 'libra'.
        table: the raw table, e.g. 'offence'.
-#}
{% macro trusted_rows(system, table) -%}
    {%- set raw = raw_tables() | selectattr('system', 'equalto', system)
        | selectattr('table', 'equalto', table) | first -%}
    {%- set others = raw.parents | rejectattr('table', 'equalto', table)
        | list -%}
    {%- set selves = raw.parents | selectattr('table', 'equalto', table)
        | list -%}
with

staged as (
    select *
    from {{ ref('stg_' ~ system ~ '__' ~ table) }}
    where quarantine_reason is null
),
{% for parent in others %}
parent_{{ loop.index }} as (
    select {{ parent.key }} as parent_key
    from {{ ref('int_' ~ system ~ '_' ~ parent.table ~ '_trusted') }}
),
{% endfor %}
with_parents as (
    select staged.*
    from staged
    {%- for parent in others %}
    {{ 'where' if loop.first else 'and' }} (
        staged.{{ parent.column }} is null
        or staged.{{ parent.column }} in (
            select parent_key from parent_{{ loop.index }}
        )
    )
    {%- endfor %}
),

final as (
    select with_parents.*
    from with_parents
    {%- for parent in selves %}
    {{ 'where' if loop.first else 'and' }} (
        with_parents.{{ parent.column }} is null
        or with_parents.{{ parent.column }} in (
            select referenced.{{ parent.key }} from with_parents as referenced
        )
    )
    {%- endfor %}
)

select * from final
{%- endmacro %}
