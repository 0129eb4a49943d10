{#-
    The first raw value of a staging row that could not be read, as a
    quarantine reason (null when every value could be): the shared source
    read's raw_text_problem (a text value that is not valid UTF-8,
    invalid_encoding:<column>, or longer than its column allows,
    oversized_text:<column>; see the sources' external_location), then
    out_of_range:<column> for a number the staging model narrows to a smaller
    type (bigint to integer, double to decimal) that does not fit it. Placed
    in the renamed CTE, where the raw columns are still in scope, as
    raw_value_problem; key_checks quarantines on it before anything else.
    The model narrows such a number with try_cast(column as type), never
    cast, so that a value that does not fit gives null instead of an error
    that quotes it.

    Arguments:
        narrowed: optional dict of raw column -> the type the model narrows
            it to, e.g. {'custody_days': 'integer',
            'amount': 'decimal(12, 2)'}.
-#}
{% macro raw_value_problem(narrowed={}) -%}
    coalesce(
        raw_text_problem,
        {%- for column, type in narrowed.items() %}
        case
            when {{ column }} is not null
                and try_cast({{ column }} as {{ type }}) is null
                then 'out_of_range:{{ column }}'
        end,
        {%- endfor %}
        cast(null as string)
    )
{%- endmacro %}
