{#-
    The first reason that applies, from an ordered list of (condition,
    reason) pairs: the machine-readable quarantine reason of a staging row
    (null when none applies, i.e. the row is trusted).

    Arguments:
        checks: list of [condition SQL, reason] pairs, most important
            first, e.g. [['id is null', 'null_key']]. A reason is text, or a
            dict {'expression': SQL} when the row itself names it (e.g.
            {'expression': 'raw_value_problem'}, see key_checks).
-#}
{% macro first_reason(checks) -%}
    coalesce(
        {%- for condition, reason in checks %}
        case when {{ condition }} then
            {%- if reason is mapping %} {{ reason.expression }}
            {%- else %} '{{ reason }}'
            {%- endif %} end,
        {%- endfor %}
        cast(null as string)
    )
{%- endmacro %}
