{#-
    True when text shows signs of a broken character encoding or keyboard
    junk: the Unicode replacement character, UTF-8 read as Latin-1 ('Ã',
    'Â'), or runs of '#', '@' and '?'. Such values cannot be trusted and the
    row is quarantined.

    Arguments:
        expression: SQL string expression.
-#}
{% macro is_garbled(expression) -%}
    coalesce({{ regexp_like(expression, '[\\x{FFFD}ÃÂ]|[#@?]{2,}') }}, false)
{%- endmacro %}
