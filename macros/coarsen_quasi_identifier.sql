{#-
    A published column as the coarse release publishes it: an event date
    (a column named *_date) becomes the first day of its month, an age (a
    column named age_*) the lower bound of its band (var release_age_bands;
    an age below the first bound gets the first bound), any other column is
    unchanged. The release (datafirst.release) coarsens the same columns
    the same way, and checks that it achieves the uniqueness
    audit_mart_disclosure_risk reports.

    Arguments:
        column: the column's name, e.g. 'disposal_date'.
        relation: optional alias of the relation holding it.
-#}
{% macro coarsen_quasi_identifier(column, relation=none) -%}
    {%- set expression = (relation ~ '.' if relation else '') ~ column -%}
    {%- if column.endswith('_date') -%}
        cast({{ dbt.date_trunc('month', expression) }} as date)
    {%- elif column.startswith('age_') -%}
        {%- set bands = var('release_age_bands') | sort(reverse=true) -%}
        case
            {%- for bound in bands %}
            when {{ expression }} >= {{ bound }} then {{ bound }}
            {%- endfor %}
            when {{ expression }} is not null then {{ bands | last }}
        end
    {%- else -%}
        {{ expression }}
    {%- endif -%}
{%- endmacro %}
