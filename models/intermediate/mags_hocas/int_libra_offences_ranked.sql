{#- Every trusted Libra offence of a trusted defendant-case, decoded (offence
    and disposal seeds), with its plea stage and its principal-offence rank
    within the defendant-case (docs block courts_principal_offence_rule). -#}
with

offences as (
    select * from {{ ref('int_libra_offence_trusted') }}
),

defendant_cases as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

hearing_summaries as (
    select * from {{ ref('int_libra_hearings_summarised') }}
),

offence_codes as (
    select * from {{ ref('offence_codes') }}
),

disposal_codes as (
    select * from {{ ref('disposal_codes') }}
    where source_system = 'libra'
),

disposal_types as (
    select * from {{ ref('disposal_types') }}
),

decoded as (
    select
        offences.offence_id,
        offences.defendant_case_id,
        offences.offence_seq,
        offences.offence_code,
        offence_codes.offence_description,
        offence_codes.offence_group,
        offence_codes.offence_class,
        offence_codes.seriousness_score,
        offences.offence_date,
        offences.plea_code,
        offences.plea_type,
        -- Plea stage: a guilty plea by post, or one in a case where no
        -- trial was ever listed, was entered at the first hearing; a guilty
        -- plea in a case listed for trial came later.
        case
            when
                offences.plea_type in ('guilty', 'guilty_lesser')
                and (
                    offences.plea_code = 'GP'
                    or not coalesce(hearing_summaries.has_trial_listed, false)
                )
                then 'first_hearing'
            when offences.plea_type in ('guilty', 'guilty_lesser')
                then 'later'
        end as plea_stage,
        offences.result_code as disposal_code,
        disposal_codes.disposal_description,
        offences.disposal_type,
        disposal_types.result_priority,
        disposal_types.is_custodial,
        disposal_types.is_conviction,
        offences.custody_days as custodial_length_days,
        offences.order_months as order_length_months,
        offences.amount,
        offences.result_date
    from offences
    inner join defendant_cases
        on offences.defendant_case_id = defendant_cases.defendant_case_id
    left join hearing_summaries
        on offences.defendant_case_id = hearing_summaries.defendant_case_id
    left join offence_codes
        on offences.offence_code = offence_codes.offence_code
    left join disposal_codes
        on offences.result_code = disposal_codes.disposal_code
    left join disposal_types
        on offences.disposal_type = disposal_types.disposal_type
),

ranked as (
    select
        *,
        -- Within one priority only one kind of length applies: days in
        -- custody for custodial results, order months for the others.
        {{ principal_offence_rank(
            partition_by='defendant_case_id',
            result_priority='result_priority',
            sentence_length='coalesce(custodial_length_days, '
                ~ 'order_length_months)',
            amount='amount',
            seriousness='seriousness_score',
            stable_ids=['offence_id'],
        ) }} as principal_offence_rank
    from decoded
),

final as (
    select
        *,
        principal_offence_rank = 1 as is_principal_offence
    from ranked
)

select * from final
