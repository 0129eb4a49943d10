{#-
    Standardise a Police National Computer id to 'YYYY/NNNNNNNL': upper case,
    spaces removed, two-digit years widened (09 -> 2009, 95 -> 1995) and the
    serial zero-padded to seven digits. Anything else gives null.

    Arguments:
        expression: SQL string expression holding the PNC id.
-#}
{% macro standardise_pnc(expression) -%}
    {%- set compact = regexp_replace_all("upper(" ~ expression ~ ")", "[^A-Z0-9/]", "") -%}
    case
        when {{ regexp_like(compact, '^[0-9]{2}([0-9]{2})?/[0-9]{1,7}[A-Z]$') }}
            then
                case
                    when length(split_part({{ compact }}, '/', 1)) = 4
                        then split_part({{ compact }}, '/', 1)
                    when cast(split_part({{ compact }}, '/', 1) as integer) > 30
                        then '19' || split_part({{ compact }}, '/', 1)
                    else '20' || split_part({{ compact }}, '/', 1)
                end
                || '/'
                || lpad(
                    substr(
                        split_part({{ compact }}, '/', 2),
                        1,
                        length(split_part({{ compact }}, '/', 2)) - 1
                    ),
                    7,
                    '0'
                )
                || right({{ compact }}, 1)
    end
{%- endmacro %}
