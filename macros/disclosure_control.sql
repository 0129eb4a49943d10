{#-
    Statistical disclosure control for a research output: a select over a
    table of cells (one row per combination of the dimensions) that returns
    the same cells with every count made safe.

    The rule (documented in the catalogue, docs block disclosure_control_rule):
      1. primary suppression: a count below min_count becomes null;
      2. secondary suppression: along every dimension, where exactly one cell
         of a row or column of the table is suppressed (so it could be
         recovered from the total of the others), one other cell of that line
         is suppressed too: preferably in the same position as other lines
         that need one (so that suppressed cells form rectangles rather than
         spreading), then the smallest; the pass repeats (six rounds) so that
         suppression made for one dimension is protected along the others;
      3. every count that is kept is rounded to the nearest multiple of
         rounding.
    Each count column is protected on its own. Rates must be computed after
    this step, from the safe counts: pass them as rates and the macro does
    it (null when either count is suppressed).

    Arguments:
        relation: name of the CTE (or relation) holding the cells.
        dimensions: list of the dimension column names.
        counts: list of the count column names (integers, one per cell).
        min_count: smallest count published (default var('sdc_min_count')).
        rounding: base of the rounding (default var('sdc_rounding')).
        rates: optional dict of rate column -> [numerator count, denominator
            count], each rate rounded to three decimals and placed after the
            counts, in the dict's order.
-#}
{% macro disclosure_control(
    relation, dimensions, counts, min_count=none, rounding=none, rates=none
) -%}
{%- set min_count = min_count or var('sdc_min_count') -%}
{%- set rounding = rounding or var('sdc_rounding') -%}
{#- A suppression made along one dimension can leave a single suppressed
    cell along another, so the secondary pass repeats: six rounds settle every
    table a research output holds (the analyses' tests check every line). -#}
{%- set passes = 6 if dimensions | length > 1 else 1 -%}
{%- set ns = namespace(previous=relation, step=0) -%}
with
{% for count in counts %}
{%- set flag = count ~ '__suppressed' %}
sdc_{{ ns.step }} as (
    select
        *,
        coalesce({{ count }} < {{ min_count }}, false) as {{ flag }}
    from {{ ns.previous }}
),
{%- set ns.previous = 'sdc_' ~ ns.step %}
{%- set ns.step = ns.step + 1 %}
{%- for pass in range(passes) %}
{%- for dimension in dimensions %}
{%- set others = dimensions | reject('equalto', dimension) | list %}
{%- set partition -%}
{% if others %}partition by {{ others | join(', ') }}{% endif %}
{%- endset %}
sdc_{{ ns.step }}_need as (
    select
        *,
        count(*) over ({{ partition }}) > 1
        and sum(cast({{ flag }} as integer)) over ({{ partition }}) = 1
            as sdc_needs_secondary
    from {{ ns.previous }}
),
sdc_{{ ns.step }}_lines as (
    select
        *,
        count(
            case when sdc_needs_secondary and not {{ flag }} then 1 end
        ) over (partition by {{ dimension }}) as sdc_line_need,
        sum(
            case
                when sdc_needs_secondary and not {{ flag }} then {{ count }}
            end
        ) over (partition by {{ dimension }}) as sdc_line_total
    from sdc_{{ ns.step }}_need
),
sdc_{{ ns.step }} as (
    select
        * exclude (
            {{ flag }}, sdc_needs_secondary, sdc_line_need, sdc_line_total
        ),
        {{ flag }} or (
            sdc_needs_secondary
            and row_number() over (
                {{ partition }}
                order by
                    {{ flag }}, sdc_line_need desc, sdc_line_total,
                    {{ count }}, {{ dimensions | join(', ') }}
            ) = 1
        ) as {{ flag }}
    from sdc_{{ ns.step }}_lines
),
{%- set ns.previous = 'sdc_' ~ ns.step %}
{%- set ns.step = ns.step + 1 %}
{%- endfor %}
{%- endfor %}
{%- endfor %}
sdc_safe as (
    select
        * exclude ({% for count in counts %}{{ count }}, {{ count }}__suppressed{% if not loop.last %}, {% endif %}{% endfor %}),
        {%- for count in counts %}
        case
            when not {{ count }}__suppressed
                then cast(
                    round({{ count }} / {{ rounding }}) * {{ rounding }}
                    as bigint
                )
        end as {{ count }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ ns.previous }}
)
{%- if rates %}
select
    *,
    {%- for rate, (numerator, denominator) in rates.items() %}
    round({{ numerator }} / {{ denominator }}, 3) as {{ rate }}
    {%- if not loop.last %},{% endif %}
    {%- endfor %}
from sdc_safe
{%- else %}
select * from sdc_safe
{%- endif %}
{%- endmacro %}
