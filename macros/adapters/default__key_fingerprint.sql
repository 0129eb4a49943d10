{#- Spark SQL implementation of key_fingerprint: the session variable the
    Spark runner (datafirst.warehouse.spark) declares and sets beside the
    key. -#}
{% macro default__key_fingerprint() -%}
    datafirst_key_fingerprint
{%- endmacro %}
