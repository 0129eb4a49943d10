{#-
    Standardise a name (forename, middle names or surname) the same way for
    every source: upper case, accents removed, titles and placeholder values
    ('UNKNOWN', 'NOT KNOWN', 'N/A', ...) dropped, apostrophes removed and the
    name prefixes Mc, Mac, O' and D' joined to the rest of the name,
    hyphens and other separators made single spaces.

    'O'Brien', 'O BRIEN' and 'obrien' all give 'OBRIEN'; 'Mc Donald' and
    'MCDONALD' give 'MCDONALD'; 'Smith-Jones' gives 'SMITH JONES'; 'Mr John'
    gives 'JOHN'; 'UNKNOWN' and '' give null.

    Arguments:
        expression: SQL string expression holding the name.
-#}
{% macro standardise_name(expression) -%}
    {%- set upper_clean = "upper(" ~ strip_accents("trim(" ~ expression ~ ")") ~ ")" -%}
    {%- set no_apostrophes = regexp_replace_all(upper_clean, "[''`’]", "") -%}
    {%- set spaced = regexp_replace_all(no_apostrophes, "[^A-Z]+", " ") -%}
    {%- set untitled = regexp_replace_all(
        "' ' || " ~ spaced ~ " || ' '",
        " (MR|MRS|MS|MISS|MX|MASTER|DR|REV|SIR|LADY|LORD) ",
        " "
    ) -%}
    {%- set joined = regexp_replace_all(untitled, " (MC|MAC|O|D) ([A-Z]{2})", " \\1\\2") -%}
    nullif(
        case
            when trim({{ joined }}) in (
                'UNKNOWN', 'NOT KNOWN', 'NK', 'N A', 'NA', 'NONE', 'NULL',
                'UNK', 'NFA', 'ZZ', 'XX', 'TEST'
            ) then ''
            else trim({{ regexp_replace_all(joined, " +", " ") }})
        end,
        ''
    )
{%- endmacro %}
