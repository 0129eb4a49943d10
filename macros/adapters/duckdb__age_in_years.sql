{#- DuckDB implementation of age_in_years. -#}
{% macro duckdb__age_in_years(birth_date, event_date) -%}
    case
        when {{ birth_date }} <= {{ event_date }}
            then cast(date_sub('year', {{ birth_date }}, {{ event_date }}) as integer)
    end
{%- endmacro %}
