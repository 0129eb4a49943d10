{#-
    True when a source value is listed in a lookup seed (junk spellings the
    seed lists included), false when it is not, null when the value is null:
    a required code must be checked as `x is null or not code_in_seed(x, ...)`.

    Arguments:
        expression: SQL expression holding the source value.
        seed_name: the lookup seed.
        code_column: the seed column holding the values.
        where: optional dict of seed column -> value, e.g.
            {'source_system': 'libra'}.
-#}
{% macro code_in_seed(expression, seed_name, code_column, where={}) -%}
    {#- ref() records the dependency; the rows are read from the built seed. -#}
    {%- set _ = ref(seed_name) -%}
    {%- set rows = datafirst.seed_rows(seed_name, [code_column], where) -%}
    (trim(cast({{ expression }} as string)) in (
        {%- for row in rows -%}
            '{{ row[0] | replace("'", "''") }}'{{ ", " if not loop.last }}
        {%- endfor -%}
        {%- if rows | length == 0 %}null{% endif -%}
    ))
{%- endmacro %}
