{#- DuckDB implementation of key_fingerprint: the session variable the
    datafirst.warehouse.pseudonymisation plugin sets on every connection. -#}
{% macro duckdb__key_fingerprint() -%}
    getvariable('datafirst_key_fingerprint')
{%- endmacro %}
