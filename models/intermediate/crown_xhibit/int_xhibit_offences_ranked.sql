{#- Every trusted Xhibit offence of a trusted defendant on case with each of
    its trusted disposals (an offence without a disposal appears once, with
    no disposal), decoded (offence and disposal seeds), with its plea stage
    and its principal-offence rank within the defendant on case (docs block
    courts_principal_offence_rule). -#}
with

offences as (
    select * from {{ ref('int_xhibit_offences_trusted') }}
),

disposals as (
    select * from {{ ref('int_xhibit_disposals_trusted') }}
),

defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

offence_codes as (
    select * from {{ ref('offence_codes') }}
),

disposal_codes as (
    select * from {{ ref('disposal_codes') }}
    where source_system = 'xhibit'
),

disposal_types as (
    select * from {{ ref('disposal_types') }}
),

decoded as (
    select
        offences.offence_id,
        disposals.disposal_id,
        offences.defendant_on_case_id,
        offences.count_number,
        offences.offence_code,
        offence_codes.offence_description,
        offence_codes.offence_group,
        offence_codes.offence_class,
        offence_codes.seriousness_score,
        offences.plea_code,
        offences.plea_type,
        offences.plea_date,
        -- Plea stage: a guilty plea on arraignment (PG) was entered at the
        -- first hearing that took pleas; a change of plea to guilty (CPG)
        -- or a guilty plea to a lesser or alternative count (PGL, PGA)
        -- came later.
        case
            when offences.plea_code = 'PG' then 'first_hearing'
            when offences.plea_code in ('CPG', 'PGL', 'PGA') then 'later'
        end as plea_stage,
        disposals.disposal_code,
        disposal_codes.disposal_description,
        disposals.disposal_type,
        disposal_types.result_priority,
        disposal_types.is_custodial,
        disposal_types.is_conviction,
        disposals.custody_months as custodial_length_months,
        disposals.order_months as order_length_months,
        disposals.fine_amount as amount,
        disposals.disposal_date
    from offences
    inner join defendants
        on offences.defendant_on_case_id = defendants.defendant_on_case_id
    left join disposals
        on offences.offence_id = disposals.offence_id
    left join offence_codes
        on offences.offence_code = offence_codes.offence_code
    left join disposal_codes
        on disposals.disposal_code = disposal_codes.disposal_code
    left join disposal_types
        on disposals.disposal_type = disposal_types.disposal_type
),

ranked as (
    select
        *,
        -- Within one priority only one kind of length applies: custody
        -- months for custodial results, order months for the others.
        {{ principal_offence_rank(
            partition_by='defendant_on_case_id',
            result_priority='result_priority',
            sentence_length='coalesce(custodial_length_months, '
                ~ 'order_length_months)',
            amount='amount',
            seriousness='seriousness_score',
            stable_ids=['offence_id', 'disposal_id'],
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
