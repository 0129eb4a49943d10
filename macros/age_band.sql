{#-
    An age grouped into bands for a research output, written once: 'not_known'
    when the age is missing, then '<from>-<to>' for each band and '<last>+'.
    age_band('age_at_disposal', [25, 40]) gives 10-24, 25-39, 40+.

    Arguments:
        age: SQL expression holding an age in whole years.
        bounds: ascending list of each band's first age after the youngest.
        youngest: the first age of the youngest band (default 10, the age of
            criminal responsibility).
-#}
{% macro age_band(age, bounds, youngest=10) -%}
    case
        when {{ age }} is null then 'not_known'
        {%- set ns = namespace(start=youngest) %}
        {%- for bound in bounds %}
        when {{ age }} < {{ bound }} then '{{ ns.start }}-{{ bound - 1 }}'
        {%- set ns.start = bound %}
        {%- endfor %}
        else '{{ ns.start }}+'
    end
{%- endmacro %}
