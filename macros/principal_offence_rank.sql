{#-
    The principal-offence rank of an offence (or offence and disposal) within
    a defendant on a case: 1 is the principal offence. The one rule both
    courts use (docs block courts_principal_offence_rule): result priority
    (seed disposal_types, 1 = most serious; no disposal = null = last), then
    sentence length (longer first), then monetary amount (larger first), then
    offence seriousness (seed offence_codes, higher first), then stable ids
    (ascending). A null length, amount or seriousness sorts as the smallest.

    Arguments:
        partition_by: SQL expression of the defendant on the case.
        result_priority: SQL expression, result priority of the disposal.
        sentence_length: SQL expression, custodial or order length (the
            same unit within a source system).
        amount: SQL expression, fine or compensation amount.
        seriousness: SQL expression, offence seriousness score.
        stable_ids: list of SQL expressions breaking full ties, in order
            (e.g. ['offence_id', 'disposal_id']).
-#}
{% macro principal_offence_rank(
    partition_by,
    result_priority,
    sentence_length,
    amount,
    seriousness,
    stable_ids
) -%}
    row_number() over (
        partition by {{ partition_by }}
        order by
            {{ result_priority }} asc nulls last,
            {{ sentence_length }} desc nulls last,
            {{ amount }} desc nulls last,
            {{ seriousness }} desc nulls last
            {%- for stable_id in stable_ids %},
            {{ stable_id }} asc nulls last
            {%- endfor %}
    )
{%- endmacro %}
