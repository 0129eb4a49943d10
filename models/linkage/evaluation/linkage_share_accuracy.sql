{#- How well the MoJ-DfE share's deterministic link (int_share_links_resolved)
    and a probabilistic link of the same records (linkage_share_probabilistic)
    find the true PNC person and pupil pairs of the generator's truth, by
    the rule each pair meets (int_share_pairs_compared): the candidate pairs
    meeting each rule of seed share_match_rules, candidate pairs meeting
    none (no_rule) and true pairs that are not candidates at all
    (not_a_candidate), and overall (all). -#}

with

truth as (
    select * from {{ ref('stg_truth__person_records') }}
),

pnc_persons as (
    select pnc_id from {{ ref('int_pnc_persons_trusted') }}
),

pupils as (
    select upn from {{ ref('int_npd_pupils_trusted') }}
),

pairs as (
    select
        pnc_id,
        upn,
        coalesce(rule_code, 'no_rule') as rule_bucket
    from {{ ref('int_share_pairs_compared') }}
),

rules as (
    select * from {{ ref('share_match_rules') }}
),

links as (
    select
        'deterministic' as link_method,
        pnc_id,
        upn
    from {{ ref('int_share_links_resolved') }}
    union all
    select
        'probabilistic' as link_method,
        pnc_id,
        upn
    from {{ ref('linkage_share_probabilistic') }}
),

methods as (
    select 'deterministic' as link_method
    union all
    select 'probabilistic' as link_method
),

buckets as (
    select
        rule_code as rule_bucket,
        rule_order
    from rules
    union all
    select
        'no_rule' as rule_bucket,
        98 as rule_order
    union all
    select
        'not_a_candidate' as rule_bucket,
        99 as rule_order
),

pnc_truth as (
    select
        pnc_persons.pnc_id,
        truth.person_key
    from pnc_persons
    inner join truth
        on
            truth.source_system = 'pnc'
            and truth.source_table = 'persons'
            and pnc_persons.pnc_id = truth.record_key
),

pupil_truth as (
    select
        pupils.upn,
        truth.person_key
    from pupils
    inner join truth
        on
            truth.source_system = 'npd'
            and truth.source_table = 'pupils'
            and pupils.upn = truth.record_key
),

true_pairs as (
    select
        pnc_truth.pnc_id,
        pupil_truth.upn,
        coalesce(pairs.rule_bucket, 'not_a_candidate') as rule_bucket
    from pnc_truth
    inner join pupil_truth on pnc_truth.person_key = pupil_truth.person_key
    left join pairs
        on pnc_truth.pnc_id = pairs.pnc_id and pupil_truth.upn = pairs.upn
),

links_judged as (
    select
        links.link_method,
        coalesce(pairs.rule_bucket, 'not_a_candidate') as rule_bucket,
        true_pairs.pnc_id is not null as is_correct
    from links
    left join pairs
        on links.pnc_id = pairs.pnc_id and links.upn = pairs.upn
    left join true_pairs
        on links.pnc_id = true_pairs.pnc_id and links.upn = true_pairs.upn
),

link_counts as (
    select
        link_method,
        rule_bucket,
        count(*) as links,
        count(*) filter (where is_correct) as correct_links
    from links_judged
    group by link_method, rule_bucket
),

true_found as (
    select
        methods.link_method,
        true_pairs.rule_bucket,
        count(*) as true_pairs,
        count(links.pnc_id) as true_pairs_linked
    from methods
    cross join true_pairs
    left join links
        on
            methods.link_method = links.link_method
            and true_pairs.pnc_id = links.pnc_id
            and true_pairs.upn = links.upn
    group by methods.link_method, true_pairs.rule_bucket
),

by_bucket as (
    select
        methods.link_method,
        buckets.rule_bucket,
        buckets.rule_order,
        coalesce(link_counts.links, 0) as links,
        coalesce(link_counts.correct_links, 0) as correct_links,
        coalesce(true_found.true_pairs, 0) as true_pairs,
        coalesce(true_found.true_pairs_linked, 0) as true_pairs_linked
    from methods
    cross join buckets
    left join link_counts
        on
            methods.link_method = link_counts.link_method
            and buckets.rule_bucket = link_counts.rule_bucket
    left join true_found
        on
            methods.link_method = true_found.link_method
            and buckets.rule_bucket = true_found.rule_bucket
),

overall as (
    select
        link_method,
        'all' as rule_bucket,
        0 as rule_order,
        sum(links) as links,
        sum(correct_links) as correct_links,
        sum(true_pairs) as true_pairs,
        sum(true_pairs_linked) as true_pairs_linked
    from by_bucket
    group by link_method
),

unioned as (
    select * from by_bucket
    union all
    select * from overall
),

final as (
    select
        link_method,
        rule_bucket,
        rule_order,
        cast(links as bigint) as links,
        cast(correct_links as bigint) as correct_links,
        cast(correct_links as double)
        / nullif(links, 0) as precision,  -- noqa: RF04
        cast(true_pairs as bigint) as true_pairs,
        cast(true_pairs_linked as bigint) as true_pairs_linked,
        cast(true_pairs_linked as double) / nullif(true_pairs, 0)
            as recall
    from unioned
)

select * from final
