{#- The MoJ-DfE share's deterministic linkage, step 1: candidate pairs of a
    trusted PNC person and a trusted pupil, their five identifiers compared,
    and the first match rule of seed share_match_rules each pair meets.

    Three exact agreements out of five always include two of first name,
    surname, date of birth and postcode (sex is only one of them), so the
    candidates are the pairs agreeing exactly on at least one of those six
    couples: no pair a rule could accept is missed. -#}
{%- set blocks = [
    ['forename', 'surname'],
    ['forename', 'date_of_birth'],
    ['forename', 'postcode'],
    ['surname', 'date_of_birth'],
    ['surname', 'postcode'],
    ['date_of_birth', 'postcode'],
] -%}

with

pnc_persons as (
    select
        pnc_id,
        forename,
        surname,
        date_of_birth,
        sex,
        postcode
    from {{ ref('int_pnc_persons_trusted') }}
),

pupils as (
    select
        upn,
        forename,
        surname,
        date_of_birth,
        sex,
        postcode
    from {{ ref('int_npd_pupils_trusted') }}
),

rules as (
    select * from {{ ref('share_match_rules') }}
),

candidates as (
    {%- for block in blocks %}
    select
        pnc_persons.pnc_id,
        pupils.upn
    from pnc_persons
    inner join pupils
        on
            pnc_persons.{{ block[0] }} = pupils.{{ block[0] }}
            and pnc_persons.{{ block[1] }} = pupils.{{ block[1] }}
    {% if not loop.last %}union{% endif %}
    {%- endfor %}
),

compared as (
    select
        candidates.pnc_id,
        candidates.upn,
        coalesce(pnc_persons.forename = pupils.forename, false)
            as is_forename_exact,
        coalesce(pnc_persons.surname = pupils.surname, false)
            as is_surname_exact,
        coalesce(pnc_persons.date_of_birth = pupils.date_of_birth, false)
            as is_date_of_birth_exact,
        coalesce(pnc_persons.sex = pupils.sex, false) as is_sex_exact,
        coalesce(pnc_persons.postcode = pupils.postcode, false)
            as is_postcode_exact,
        coalesce(
            {{ name_similarity('pnc_persons.forename', 'pupils.forename') }},
            0
        ) as forename_similarity,
        coalesce(
            {{ name_similarity('pnc_persons.surname', 'pupils.surname') }}, 0
        ) as surname_similarity,
        coalesce(
            {{ array_has(name_variants('pnc_persons.forename'),
                'pupils.forename') }},
            false
        ) as is_forename_variant,
        coalesce(
            pnc_persons.forename = pupils.surname
            and pnc_persons.surname = pupils.forename,
            false
        ) as is_name_swap,
        coalesce(
            (
                extract(year from pnc_persons.date_of_birth)
                = extract(year from pupils.date_of_birth)
            )
            and (
                extract(month from pnc_persons.date_of_birth)
                = extract(day from pupils.date_of_birth)
            )
            and (
                extract(day from pnc_persons.date_of_birth)
                = extract(month from pupils.date_of_birth)
            ),
            false
        ) as is_day_month_swap,
        (
            cast(coalesce(
                extract(year from pnc_persons.date_of_birth)
                = extract(year from pupils.date_of_birth), false
            ) as integer)
            + cast(coalesce(
                extract(month from pnc_persons.date_of_birth)
                = extract(month from pupils.date_of_birth), false
            ) as integer)
            + cast(coalesce(
                extract(day from pnc_persons.date_of_birth)
                = extract(day from pupils.date_of_birth), false
            ) as integer)
        ) as date_of_birth_parts_equal
    from candidates
    inner join pnc_persons on candidates.pnc_id = pnc_persons.pnc_id
    inner join pupils on candidates.upn = pupils.upn
),

scored as (
    select
        *,
        cast(is_forename_exact as integer)
        + cast(is_surname_exact as integer)
        + cast(is_date_of_birth_exact as integer)
        + cast(is_sex_exact as integer)
        + cast(is_postcode_exact as integer) as exact_agreements,
        is_date_of_birth_exact
        or is_day_month_swap
        or date_of_birth_parts_equal >= 2 as is_date_of_birth_close
    from compared
),

rule_met as (
    select
        scored.pnc_id,
        scored.upn,
        min(rules.rule_order) as rule_order
    from scored
    inner join rules
        on
            scored.exact_agreements >= rules.min_exact_agreements
            and (
                not rules.requires_close_names
                or scored.is_name_swap
                or (
                    (
                        scored.forename_similarity >= rules.min_name_similarity
                        or scored.is_forename_variant
                    )
                    and scored.surname_similarity >= rules.min_name_similarity
                )
            )
            and (
                not rules.requires_close_date_of_birth
                or scored.is_date_of_birth_close
            )
    group by scored.pnc_id, scored.upn
),

final as (
    select
        scored.pnc_id,
        scored.upn,
        scored.exact_agreements,
        scored.is_forename_exact,
        scored.is_surname_exact,
        scored.is_date_of_birth_exact,
        scored.is_sex_exact,
        scored.is_postcode_exact,
        scored.forename_similarity,
        scored.surname_similarity,
        scored.is_forename_variant,
        scored.is_name_swap,
        scored.is_date_of_birth_close,
        rule_met.rule_order,
        rules.rule_code
    from scored
    left join rule_met
        on scored.pnc_id = rule_met.pnc_id and scored.upn = rule_met.upn
    left join rules on rule_met.rule_order = rules.rule_order
)

select * from final
