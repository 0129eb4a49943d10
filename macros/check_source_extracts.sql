{#-
    Run at the start of every build: stop with a message naming each raw
    extract of this project's sources that is missing or empty, before any
    model reads it.

    Arguments: none (reads the project's sources from the graph and the
    DATAFIRST_RAW_DIR environment variable).
-#}
{% macro check_source_extracts() -%}
    {%- if execute and target.type == 'duckdb' and flags.WHICH in ('build', 'run', 'test') -%}
        {%- set raw_dir = env_var('DATAFIRST_RAW_DIR', 'data/raw') -%}
        {%- set problems = [] -%}
        {%- for node in graph.sources.values() if node.package_name == project_name -%}
            {%- set path = raw_dir ~ '/' ~ node.source_name ~ '/' ~ node.name ~ '.parquet' -%}
            {%- set found = run_query("select count(*) from glob('" ~ path ~ "')").columns[0].values()[0] -%}
            {%- if found == 0 -%}
                {%- do problems.append(node.source_name ~ '.' ~ node.name ~ ': missing extract ' ~ path) -%}
            {%- else -%}
                {%- set rows = run_query("select count(*) from read_parquet('" ~ path ~ "')").columns[0].values()[0] -%}
                {%- if rows == 0 -%}
                    {%- do problems.append(node.source_name ~ '.' ~ node.name ~ ': empty extract ' ~ path) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                'Raw source extracts are missing or empty; generate them first '
                ~ '(make generate) or point DATAFIRST_RAW_DIR at them:\n  '
                ~ problems | join('\n  ')
            ) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
