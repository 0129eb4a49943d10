{#-
    Age in completed years on the day of an event (null when either date is
    null; negative ages, i.e. birth after the event, become null).

    Arguments:
        birth_date: SQL date expression (date of birth).
        event_date: SQL date expression (the event).
-#}
{% macro age_in_years(birth_date, event_date) -%}
    {{ return(adapter.dispatch('age_in_years', 'datafirst')(birth_date, event_date)) }}
{%- endmacro %}
