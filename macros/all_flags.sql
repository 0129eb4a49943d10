{#-
    Every flag that applies, from a list of (condition, flag) pairs, joined
    with ';' (null when none applies): the recoverable data-quality problems
    of a staging row that is kept.

    Arguments:
        checks: list of [condition SQL, flag text] pairs.
-#}
{% macro all_flags(checks) -%}
    nullif(
        concat_ws(
            ';',
            {%- for condition, flag in checks %}
            case when {{ condition }} then '{{ flag }}' end{{ "," if not loop.last }}
            {%- endfor %}
        ),
        ''
    )
{%- endmacro %}
