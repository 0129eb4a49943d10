{#-
    The first reason that applies, from an ordered list of (condition,
    reason) pairs: the machine-readable quarantine reason of a staging row
    (null when none applies, i.e. the row is trusted).

    Arguments:
        checks: list of [condition SQL, reason text] pairs, most important
            first, e.g. [['id is null', 'null_key']].
-#}
{% macro first_reason(checks) -%}
    coalesce(
        {%- for condition, reason in checks %}
        case when {{ condition }} then '{{ reason }}' end,
        {%- endfor %}
        cast(null as string)
    )
{%- endmacro %}
