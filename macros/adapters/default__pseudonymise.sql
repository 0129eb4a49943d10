{#-
    Spark SQL implementation of pseudonymise: the same nested keyed SHA-256
    as DuckDB's, with the key taken from the Spark conf variable
    datafirst.pseudonymisation_key (variable substitution), so the key stays
    out of compiled SQL.
-#}
{% macro default__pseudonymise(expression, namespace) -%}
    case
        when cast({{ expression }} as string) is null then null
        else left(sha2(concat(
            '${datafirst.pseudonymisation_key}', '|',
            '{{ namespace }}', '|',
            sha2(concat(
                '${datafirst.pseudonymisation_key}', '|',
                cast({{ expression }} as string)
            ), 256)
        ), 256), 32)
    end
{%- endmacro %}
