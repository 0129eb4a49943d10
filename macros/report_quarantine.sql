{#-
    Run at the end of a build: log how many rows of each raw table were
    quarantined, when the reconciliation model was built in this run, so the
    volumes are visible in the build output (the thresholds themselves are
    tests on int_source_rows_reconciled).

    Arguments:
        results: dbt's run results (the on-run-end `results` variable).
-#}
{% macro report_quarantine(results) -%}
    {%- if execute -%}
        {%- set built = results | selectattr('node.name', 'equalto', 'int_source_rows_reconciled')
            | selectattr('status', 'equalto', 'success') | list -%}
        {%- if built -%}
            {%- set node = built[0].node -%}
            {%- set reconciled = api.Relation.create(
                database=node.database, schema=node.schema, identifier=node.alias
            ) -%}
            {%- set query -%}
                select
                    source_system || '.' || source_table as raw_table,
                    raw_rows,
                    quarantined_rows,
                    round(100 * quarantined_share, 2) as quarantined_percent
                from {{ reconciled }}
                where quarantined_rows > 0
                order by quarantined_share desc, raw_table
            {%- endset -%}
            {%- set rows = run_query(query).rows -%}
            {%- do log('Quarantine: rows of each raw table that could not be trusted '
                ~ '(details in int_source_rows_quarantined):', info=true) -%}
            {%- for row in rows -%}
                {%- do log('  ' ~ row[0] ~ ': ' ~ row[2] ~ ' of ' ~ row[1]
                    ~ ' rows (' ~ row[3] ~ '%)', info=true) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
