{#-
    The row_id_hash of a published person-bearing row: the keyed pseudonym of
    its linkage record id (macro record_id). xjs_link carries the same value,
    so a researcher joins any mart to xjs_link on (source_dataset,
    row_id_hash).

    Arguments:
        source_dataset: the dataset code as a plain string, e.g. 'mags_hocas'.
        id_expression: SQL expression holding the source id of the person
            record (the id int_person_records_unioned calls source_record_id).
-#}
{% macro row_id_hash(source_dataset, id_expression) -%}
    {{ pseudonymise(record_id(source_dataset, id_expression), 'row_id') }}
{%- endmacro %}
