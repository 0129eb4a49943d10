{#-
    Rows of a lookup seed, read when a model is compiled, for macros that turn
    code lists into SQL. Returns an empty list while dbt is only parsing and on
    the in-memory lint target (where no seed is loaded).

    The seed is found through the graph rather than ref(), so that unit
    tests (where ref() returns a fixture) decode with the real code lists.

    Arguments:
        seed_name: the seed's name.
        columns: list of seed column names to return, in order.
        where: dict of seed column -> value that rows must match.
-#}
{% macro seed_rows(seed_name, columns, where={}) -%}
    {%- if not execute or target.name == 'lint' -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set nodes = graph.get('nodes', {}) -%}
    {%- set node = nodes.get('seed.' ~ project_name ~ '.' ~ seed_name) -%}
    {%- if node -%}
        {%- set seed_relation = api.Relation.create(
            database=node.database, schema=node.schema, identifier=node.alias
        ) -%}
    {%- else -%}
        {#- Unit tests compile without the graph: seeds live in the schema
            configured for them in dbt_project.yml. -#}
        {%- set seed_relation = api.Relation.create(
            database=target.get('database'),
            schema=generate_schema_name('lookups', none) | trim,
            identifier=seed_name
        ) -%}
    {%- endif -%}
    {%- set conditions = [] -%}
    {%- for column, value in where.items() -%}
        {%- do conditions.append(column ~ " = '" ~ value ~ "'") -%}
    {%- endfor -%}
    {%- set query -%}
        select {{ columns | join(', ') }}
        from {{ seed_relation }}
        {% if conditions %}where {{ conditions | join(' and ') }}{% endif %}
        order by {{ columns | join(', ') }}
    {%- endset -%}
    {{ return(run_query(query).rows) }}
{%- endmacro %}
