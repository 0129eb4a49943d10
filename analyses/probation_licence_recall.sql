{#-
    Recall after licence: probation events of custodial sentences followed
    by licence supervision (event_category custody_licence), by the kind of
    custodial sentence and, separately, by age band at referral, and how
    many were recalled to custody by the extract. Sentence type and age are
    not crossed: an age band not known at referral would then leave small
    cells in every sentence type.
-#}
with

events as (
    select * from {{ ref('delius_flatfile') }}
),

licences as (
    select
        is_recalled,
        coalesce(disposal_type_description, 'not_known') as sentence_type,
        {{ age_band('age_at_referral', [25, 35]) }} as age_band
    from events
    where event_category = 'custody_licence'
),

cells as (
    select
        coalesce(sentence_type, 'all') as sentence_type,
        coalesce(age_band, 'all') as age_band,
        count(*) as licences_count,
        count(*) filter (where is_recalled) as recalled_count
    from licences
    group by cube(sentence_type, age_band)
    having grouping(sentence_type) = 1 or grouping(age_band) = 1
),

safe as (
    {{ disclosure_control(
        'cells',
        ['sentence_type', 'age_band'],
        ['licences_count', 'recalled_count']
    ) }}
),

final as (
    select
        sentence_type,
        age_band,
        licences_count,
        recalled_count,
        round(recalled_count / licences_count, 3) as recall_rate
    from safe
)

select * from final
order by sentence_type, age_band
