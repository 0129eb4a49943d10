{#-
    The names of the other people party to each person's case, one row per
    party: the same ex-partner, child or joint defendant in two cases is
    evidence that two records are one person. Use it as the whole select
    of a CTE; left join the result back on the party key.

    Arguments:
        people: the CTE holding one row per person party (forename, surname).
        case_key: the column naming the party's case.
        party_key: the column naming the party.
-#}
{% macro co_party_names(people, case_key, party_key) -%}
    select
        {{ people }}.{{ party_key }},
        {{ array_agg_distinct(
            "other_parties.forename || ' ' || other_parties.surname"
        ) }} as co_party_names
    from {{ people }}
    inner join {{ people }} as other_parties
        on
            {{ people }}.{{ case_key }} = other_parties.{{ case_key }}
            and {{ people }}.{{ party_key }} <> other_parties.{{ party_key }}
    group by {{ people }}.{{ party_key }}
{%- endmacro %}
