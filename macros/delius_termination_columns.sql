{#-
    The termination columns shared by the nDelius marts (delius_flatfile,
    delius_rqmnt, delius_lic_condition, delius_pss), written once: the date
    and reason the row ended, the reason's description from seed
    termination_reasons (the rows for one applies_to), its outcome on the
    common list (decoded from the same seed in staging), whether it was
    completed (null while running), whether it is still running and the
    days from its start to its termination. Expands to a list of select
    columns (no trailing comma).

    Arguments:
        applies_to: the termination_reasons rows to decode with: 'event',
            'requirement', 'licence_condition' or 'pss'.
        relation: alias of the staging relation holding termination_date,
            termination_reason_code, termination_outcome and is_running.
        start_date: SQL date expression the days to termination count from.
-#}
{% macro delius_termination_columns(applies_to, relation, start_date) -%}
    {{ relation }}.termination_date,
    {{ relation }}.termination_reason_code,
    {{ decode_code(
        relation ~ '.termination_reason_code', 'termination_reasons',
        'termination_reason_code', 'termination_reason_description',
        {'applies_to': applies_to}
    ) }} as termination_reason_description,
    {{ relation }}.termination_outcome,
    case
        when {{ relation }}.termination_outcome is not null
            then {{ relation }}.termination_outcome = 'completed'
    end as is_completed,
    {{ relation }}.is_running,
    cast(
        {{ dbt.datediff(start_date, relation ~ '.termination_date', 'day') }}
        as integer
    ) as days_to_termination
{%- endmacro %}
