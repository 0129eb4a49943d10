{#-
    The linkage record id of a person record: '<source_dataset>|<source id>'.
    The one place that writes the record-id prefix: the person records, the
    truth, the journeys, the linking and the row_id_hash of every mart all
    call it.

    Arguments:
        source_dataset: the dataset code as a plain string, e.g. 'mags_hocas'.
        id_expression: SQL expression holding the source id of the record.
-#}
{% macro record_id(source_dataset, id_expression) -%}
    '{{ source_dataset }}|' || cast({{ id_expression }} as string)
{%- endmacro %}
