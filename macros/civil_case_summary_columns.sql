{#-
    The case summary both civil case marts publish (caseman_cases,
    pcol_claims), written once: the counts of parties, events, hearings,
    judgments and warrants, whether a judgment or warrant was made, the
    first hearing, judgment and warrant dates, the closure and last event
    dates and the case's duration, all computed by
    int_civil_cases_summarised. Expands to select columns without a
    trailing comma.
-#}
{% macro civil_case_summary_columns() -%}
    {%- set columns = [
        'claimant_count', 'defendant_count', 'event_count', 'hearing_count',
        'judgment_count', 'warrant_count', 'has_judgment', 'has_warrant',
        'first_hearing_date', 'first_judgment_date', 'first_warrant_date',
        'closure_date', 'last_event_date', 'case_duration_days',
    ] -%}
    {{ columns | join(',\n        ') }}
{%- endmacro %}
