{#-
    The select of one dataset's person records in the linker's input shape:
    every column of the calling model's contract (the person-record columns
    declared once in _person_records__models.yml), in contract order, cast to
    its contract type. The dataset's record id, code, source system and
    person table come from the registry (macro datasets()); a column the
    source does not hold is a typed null. Use it as the whole select of the
    model's final CTE; the model's own CTEs gather and join what it needs.

    Arguments:
        source_dataset: the dataset code, e.g. 'mags_hocas'.
        relation: the CTE holding one row per person record.
        columns: dict of contract column to SQL expression on relation;
            source_record_id is required, is_linkable defaults to true, any
            other contract column not given is null.
        same_names: list of contract columns relation holds under the same
            name (shorthand for {'forename': 'forename', ...}).
-#}
{% macro standardise_person_records(
    source_dataset, relation, columns, same_names=[]
) -%}
    {%- set dataset = datasets() | selectattr('code', 'equalto', source_dataset) | list -%}
    {%- if dataset | length != 1 -%}
        {{ exceptions.raise_compiler_error(
            "standardise_person_records: '" ~ source_dataset
            ~ "' is not a dataset of the registry "
            ~ (datasets() | map(attribute='code') | list)
        ) }}
    {%- endif -%}
    {%- if 'source_record_id' not in columns -%}
        {{ exceptions.raise_compiler_error(
            "standardise_person_records: columns must give source_record_id"
        ) }}
    {%- endif -%}
    {%- set given = {
        'record_id': record_id(source_dataset, columns['source_record_id']),
        'source_dataset': "'" ~ source_dataset ~ "'",
        'source_system': "'" ~ dataset[0]['system'] ~ "'",
        'source_table': "'" ~ dataset[0]['person_table'] ~ "'",
        'is_linkable': 'true',
    } -%}
    {%- for column in same_names -%}
        {%- do given.update({column: column}) -%}
    {%- endfor -%}
    {%- do given.update(columns) -%}
    {%- set contract = model.columns.values() | list -%}
    {%- if execute -%}
        {%- set unknown = given.keys() | reject('in', model.columns.keys()) | list -%}
        {%- if unknown -%}
            {{ exceptions.raise_compiler_error(
                model.name ~ ": not person-record columns: " ~ unknown
            ) }}
        {%- endif -%}
    {%- endif %}
    select
    {%- for column in contract %}
        cast({{ given.get(column.name, 'null') }} as {{ column.data_type }})
            as {{ column.name }}{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ relation }}
{%- endmacro %}
