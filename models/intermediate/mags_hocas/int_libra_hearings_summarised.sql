{#- The hearings of each trusted Libra defendant-case, summarised: how many
    there were, the first and last hearing dates, and whether a trial was
    ever listed (a pre-trial review or a trial hearing), which dates a
    guilty plea as entered after the first hearing. -#}
with

defendant_cases as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

hearings as (
    select * from {{ ref('int_libra_hearing_trusted') }}
),

summarised as (
    select
        defendant_case_id,
        count(*) as number_of_hearings,
        min(hearing_date) as first_listed_hearing_date,
        max(hearing_date) as last_hearing_date,
        coalesce(
            bool_or(hearing_type_code in ('PTR', 'TRIAL')), false
        ) as has_trial_listed
    from hearings
    group by defendant_case_id
),

final as (
    select
        defendant_cases.defendant_case_id,
        cast(coalesce(summarised.number_of_hearings, 0) as integer)
            as number_of_hearings,
        summarised.first_listed_hearing_date,
        summarised.last_hearing_date,
        coalesce(summarised.has_trial_listed, false) as has_trial_listed
    from defendant_cases
    left join summarised
        on defendant_cases.defendant_case_id = summarised.defendant_case_id
)

select * from final
