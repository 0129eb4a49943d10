{#- Spark SQL implementation of age_in_years. -#}
{% macro default__age_in_years(birth_date, event_date) -%}
    case
        when {{ birth_date }} <= {{ event_date }}
            then cast(floor(months_between({{ event_date }}, {{ birth_date }}) / 12) as int)
    end
{%- endmacro %}
