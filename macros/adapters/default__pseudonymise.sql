{#-
    Spark SQL implementation of pseudonymise: the same nested keyed SHA-256
    as DuckDB's, sha256(key | namespace | sha256(key | id)) truncated to 128
    bits. The key is the session variable datafirst_pseudonymisation_key,
    declared and set by the Spark runner (datafirst.warehouse.spark) through
    a parameter marker, so it is in no SQL text, compiled SQL or log; a
    missing key is an error, never an unkeyed hash.
-#}
{% macro default__pseudonymise(expression, namespace) -%}
    case
        when cast({{ expression }} as string) is null then null
        when datafirst_pseudonymisation_key is null
            then raise_error('pseudonymisation key not set: see profiles.yml')
        else left(sha2(concat(
            datafirst_pseudonymisation_key, '|',
            '{{ namespace }}', '|',
            sha2(concat(
                datafirst_pseudonymisation_key, '|',
                cast({{ expression }} as string)
            ), 256)
        ), 256), 32)
    end
{%- endmacro %}
