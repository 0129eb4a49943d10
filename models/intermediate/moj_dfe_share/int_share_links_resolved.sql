{#- The MoJ-DfE share's deterministic linkage, step 2: one-to-one
    resolution. A pair that meets a rule (int_share_pairs_compared) is a
    link when its rule is the best rule (lowest rule_order) of both its PNC
    person and its pupil, and neither has another candidate at that rule: a
    PNC person matches at most one pupil and a pupil at most one PNC person;
    ties are left unmatched, never broken arbitrarily. -#}

with

ruled as (
    select
        pnc_id,
        upn,
        rule_order,
        rule_code,
        exact_agreements
    from {{ ref('int_share_pairs_compared') }}
    where rule_order is not null
),

ranked as (
    select
        *,
        min(rule_order) over (partition by pnc_id) as pnc_best_rule,
        min(rule_order) over (partition by upn) as pupil_best_rule,
        count(*) over (partition by pnc_id, rule_order) as pnc_candidates,
        count(*) over (partition by upn, rule_order) as pupil_candidates
    from ruled
),

final as (
    select
        pnc_id,
        upn,
        rule_order,
        rule_code,
        exact_agreements
    from ranked
    where
        rule_order = pnc_best_rule
        and rule_order = pupil_best_rule
        and pnc_candidates = 1
        and pupil_candidates = 1
)

select * from final
