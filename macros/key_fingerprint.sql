{#-
    The fingerprint of the pseudonymisation key this build runs with: 16 hex
    digits, an HMAC-SHA256 of a fixed string under the key (Python:
    datafirst.warehouse.pseudonymisation.key_fingerprint), so that a release
    can record which key made it without the key. The same key always gives
    the same fingerprint. Set by the pseudonymisation plugin beside the key.

    Arguments: none.
-#}
{% macro key_fingerprint() -%}
    {{ return(adapter.dispatch('key_fingerprint', 'datafirst')()) }}
{%- endmacro %}
