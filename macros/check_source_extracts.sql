{#-
    Run at the start of every build: stop with a message naming each extract
    of this project's enabled sources that is missing or empty, before any
    model reads it. A raw source's table is read from
    DATAFIRST_RAW_DIR/<source>/<table>.parquet; a source whose meta sets
    extract_dir_env (the truth: DATAFIRST_TRUTH_DIR) is read from
    <that folder>/<table>.parquet, the folder defaulting to its meta
    extract_dir_default. Disabled sources (the truth when
    var('evaluate_linkage') is false) are skipped.

    Arguments: none (reads the project's sources from the graph and the
    environment variables they name).
-#}
{% macro check_source_extracts() -%}
    {%- if execute and target.type == 'duckdb' and flags.WHICH in ('build', 'run', 'test') -%}
        {%- set raw_dir = env_var('DATAFIRST_RAW_DIR', 'data/raw') -%}
        {%- set problems = [] -%}
        {%- for node in graph.sources.values()
            if node.package_name == project_name and node.config.enabled -%}
            {%- set meta = node.config.meta or node.meta or {} -%}
            {%- if meta.get('extract_dir_env') -%}
                {%- set dir_env = meta['extract_dir_env'] -%}
                {%- set path = env_var(dir_env, meta.get('extract_dir_default', 'data/raw'))
                    ~ '/' ~ node.name ~ '.parquet' -%}
            {%- else -%}
                {%- set dir_env = 'DATAFIRST_RAW_DIR' -%}
                {%- set path = raw_dir ~ '/' ~ node.source_name ~ '/' ~ node.name ~ '.parquet' -%}
            {%- endif -%}
            {%- set found = run_query("select count(*) from glob('" ~ path ~ "')").columns[0].values()[0] -%}
            {%- if found == 0 -%}
                {%- do problems.append(node.source_name ~ '.' ~ node.name ~ ': missing extract ' ~ path ~ ' (' ~ dir_env ~ ')') -%}
            {%- else -%}
                {%- set rows = run_query("select count(*) from read_parquet('" ~ path ~ "')").columns[0].values()[0] -%}
                {%- if rows == 0 -%}
                    {%- do problems.append(node.source_name ~ '.' ~ node.name ~ ': empty extract ' ~ path ~ ' (' ~ dir_env ~ ')') -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                'Source extracts are missing or empty; generate them first '
                ~ '(make generate) or point the environment variable named '
                ~ 'after each at them (build with --vars '
                ~ '"{evaluate_linkage: false}" on data that has no truth):\n  '
                ~ problems | join('\n  ')
            ) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
