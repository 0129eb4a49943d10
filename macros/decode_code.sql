{#-
    Map a source system's spelling of a coded value to the common value in a
    lookup seed (e.g. Libra's 'White - British' to ethnicity code 'W1'), as a
    CASE expression built from the seed when the model is compiled. Values the
    seed marks as junk map to null; values the seed does not list map to null
    too (use code_in_seed to tell them apart).

    Arguments:
        expression: SQL expression holding the source value (compared as text
            after trimming).
        seed_name: the lookup seed, e.g. 'ethnicity_source_values'.
        source_column: the seed column holding the source spelling.
        target_column: the seed column holding the common value.
        where: optional dict of seed column -> value to select the system's
            rows, e.g. {'source_system': 'libra'}.
-#}
{% macro decode_code(expression, seed_name, source_column, target_column, where={}) -%}
    {#- ref() records the dependency; the rows are read from the built seed. -#}
    {%- set _ = ref(seed_name) -%}
    {%- set rows = datafirst.seed_rows(seed_name, [source_column, target_column], where) -%}
    case trim(cast({{ expression }} as string))
        {%- for row in rows %}
        when '{{ row[0] | replace("'", "''") }}' then
            {%- if row[1] is none or row[1] == '' %} null
            {%- else %} '{{ row[1] | replace("'", "''") }}'
            {%- endif %}
        {%- endfor %}
    end
{%- endmacro %}
