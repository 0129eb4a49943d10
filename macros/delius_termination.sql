{#-
    The termination of an nDelius row (an event, requirement, licence
    condition or PSS requirement), cleaned and checked once for the four
    staging models that hold one. The source's termination_reason_code and
    termination_date ('yyyy-mm-dd' text) are trimmed, decoded to the common
    outcome (seed termination_reasons, the rows for one applies_to) and
    parsed; a row with no termination date is still running. The period's
    dates are checked with the model's start date. The nDelius marts then
    publish these columns through delius_termination_columns (description,
    is_completed, days to termination), which only reads what this cleans.

    Returns a dict of the pieces the staging model places:
        columns: select columns for the renamed CTE (no trailing comma):
            termination_reason_code, termination_outcome,
            termination_date_source, termination_date and is_running.
        date_checks: the quarantine checks of the period's dates, in order:
            start date unparseable, termination date unparseable, start date
            impossible, termination date impossible.
        code_check: the quarantine check of a termination reason code the
            seed does not list for applies_to.
        flags: the data-quality flags: terminated before the start date,
            terminated without a reason.

    Arguments:
        applies_to: the termination_reasons rows to decode and check with:
            'event', 'requirement', 'licence_condition' or 'pss'.
        start_date: the model's parsed start date column, e.g.
            'referral_date'; it names the reasons and flags.
-#}
{% macro delius_termination(applies_to, start_date) -%}
    {%- set seed_where = {'applies_to': applies_to} -%}
    {%- set columns -%}
        nullif(trim(termination_reason_code), '') as termination_reason_code,
        {{ decode_code('termination_reason_code', 'termination_reasons',
            'termination_reason_code', 'outcome', seed_where) }}
            as termination_outcome,
        nullif(trim(termination_date), '') as termination_date_source,
        {{ parse_date('termination_date', 'yyyy-mm-dd') }} as termination_date,
        nullif(trim(termination_date), '') is null as is_running
    {%- endset -%}
    {{ return({
        'columns': columns,
        'date_checks': [
            [start_date ~ ' is null', 'unparseable_date:' ~ start_date],
            ['termination_date_source is not null and termination_date is null',
                'unparseable_date:termination_date'],
            ['not ' ~ is_valid_date(start_date),
                'impossible_date:' ~ start_date],
            ['not ' ~ is_valid_date('termination_date'),
                'impossible_date:termination_date'],
        ],
        'code_check': [
            'termination_reason_code is not null and not ' ~ code_in_seed(
                'termination_reason_code', 'termination_reasons',
                'termination_reason_code', seed_where),
            'unknown_code:termination_reason_code',
        ],
        'flags': [
            ['termination_date < ' ~ start_date,
                'termination_date_before_' ~ start_date],
            ['termination_date is not null'
                ~ ' and termination_reason_code is null',
                'missing_termination_reason'],
        ],
    }) }}
{%- endmacro %}
