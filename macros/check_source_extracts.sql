{#-
    Run at the start of every build, before any model reads an extract:
    stop with one message per problem for each extract of this project's
    enabled sources that is missing, empty, or does not match its contract,
    the columns and data types the sources YAML declares (generated from
    the registry, src/datafirst/registry/<system>.py, by make sources). A
    declared column the file lacks, a column the registry does not declare,
    and a column of another type (an integer id written as a double) are
    each named with the table, the column, the expected and the found type.
    Only the files' metadata is read (their schema and row count), so no
    message can quote a raw value. A type that differs is rejected, never
    converted, however safe the conversion looks: the extract or the
    registry must be fixed first.

    A raw source's table is read from
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
            {%- set table = node.source_name ~ '.' ~ node.name -%}
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
                {%- do problems.append(table ~ ': missing extract ' ~ path ~ ' (' ~ dir_env ~ ')') -%}
            {%- else -%}
                {%- set schema = run_query(
                    "select column_name, column_type from (describe select * from read_parquet('"
                    ~ path ~ "'))") -%}
                {%- set found_types = {} -%}
                {%- for row in schema.rows -%}
                    {%- do found_types.update({row[0] | lower: row[1] | lower | replace(' ', '')}) -%}
                {%- endfor -%}
                {%- set declared = {} -%}
                {%- for column in node.columns.values() if column.data_type -%}
                    {%- do declared.update({column.name | lower: column.data_type | lower | replace(' ', '')}) -%}
                {%- endfor -%}
                {%- if declared -%}
                    {%- for name, expected in declared.items() -%}
                        {%- if name not in found_types -%}
                            {%- do problems.append(table ~ '.' ~ name ~ ': missing column (expected '
                                ~ expected ~ ')') -%}
                        {%- elif found_types[name] != expected -%}
                            {%- do problems.append(table ~ '.' ~ name ~ ': type changed (expected '
                                ~ expected ~ ', found ' ~ found_types[name] ~ ')') -%}
                        {%- endif -%}
                    {%- endfor -%}
                    {%- for name, found_type in found_types.items() if name not in declared -%}
                        {%- do problems.append(table ~ '.' ~ name ~ ': extra column (expected none, found '
                            ~ found_type ~ ')') -%}
                    {%- endfor -%}
                {%- endif -%}
                {%- set rows = run_query("select count(*) from read_parquet('" ~ path ~ "')").columns[0].values()[0] -%}
                {%- if rows == 0 -%}
                    {%- do problems.append(table ~ ': empty extract ' ~ path ~ ' (' ~ dir_env ~ ')') -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                'Source extracts are missing, empty or do not match the columns '
                ~ 'and types the registry declares (src/datafirst/registry/, '
                ~ 'make sources); nothing was built. Generate them (make '
                ~ 'generate) or point the environment variable named after '
                ~ 'each at them (build with --vars "{evaluate_linkage: false}" '
                ~ 'on data that has no truth); a column of another type is '
                ~ 'rejected, not converted: fix the extract, or the registry '
                ~ 'if the source system changed:\n  '
                ~ problems | join('\n  ')
            ) }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
