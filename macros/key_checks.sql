{#-
    The structural quarantine checks of a staging row, the same in every
    staging model and always first: a raw value that could not be read
    (raw_value_problem: invalid_encoding, oversized_text or out_of_range, with
    its column), then null_key when the row has no key, duplicate_key on
    every row after the first (in source_row_number order) with the same
    key, so that exactly one row per key is trusted, and null_parent_key
    when the row has no parent key. For first_reason, in that order.

    Arguments:
        key: the column holding the row's key, e.g. 'hearing_id'.
        parent_key: optional column holding the key of the row's parent
            (the case, claim, event, ...), e.g. 'case_number'.
-#}
{% macro key_checks(key, parent_key=none) -%}
    {%- set checks = [
        ['raw_value_problem is not null',
            {'expression': 'raw_value_problem'}],
        [key ~ ' is null', 'null_key'],
        ['row_number() over (partition by ' ~ key
            ~ ' order by source_row_number) > 1', 'duplicate_key'],
    ] -%}
    {%- if parent_key -%}
        {%- do checks.append([parent_key ~ ' is null', 'null_parent_key']) -%}
    {%- endif -%}
    {{ return(checks) }}
{%- endmacro %}
