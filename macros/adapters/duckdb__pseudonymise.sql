{#-
    DuckDB implementation of pseudonymise: a nested keyed SHA-256,
    sha256(key | namespace | sha256(key | id)), truncated to 128 bits. The key
    is the session variable set by the datafirst.warehouse.pseudonymisation
    plugin; a missing key is an error, never an unkeyed hash.
-#}
{% macro duckdb__pseudonymise(expression, namespace) -%}
    case
        when cast({{ expression }} as string) is null then null
        when getvariable('datafirst_pseudonymisation_key') is null
            then error('pseudonymisation key not set: see profiles.yml')
        else left(sha256(concat(
            getvariable('datafirst_pseudonymisation_key'), '|',
            '{{ namespace }}', '|',
            sha256(concat(
                getvariable('datafirst_pseudonymisation_key'), '|',
                cast({{ expression }} as string)
            ))
        )), 32)
    end
{%- endmacro %}
