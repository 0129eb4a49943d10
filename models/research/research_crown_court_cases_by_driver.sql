{#-
    The Crown Court defendant-cases the delay analyses read, each described
    by the candidate drivers of delay (case type, plea, offence group,
    remand status) and then listed once per driver. Cases without a trusted
    principal offence or without a receipt or disposal date are left out.
-#}
with

defendant_cases as (
    select * from {{ ref('xhibit_flatfile') }}
),

cases_described as (
    select
        defendant_on_case_id_hash,
        days_receipt_to_disposal,
        case case_type
            when 'T' then 'trial'
            when 'S' then 'committal_for_sentence'
            when 'A' then 'appeal'
        end as case_type,
        case
            when plea_type in ('guilty', 'guilty_lesser') then 'guilty'
            when plea_type = 'not_guilty' then 'not_guilty'
            else 'no_plea'
        end as plea,
        case
            when
                offence_group in (
                    'violence_against_the_person', 'sexual_offences', 'robbery'
                )
                then 'violence_sexual_robbery'
            when offence_group in ('theft_offences', 'fraud_offences')
                then 'theft_and_fraud'
            when
                offence_group in (
                    'possession_of_weapons',
                    'public_order_offences',
                    'miscellaneous_crimes_against_society'
                )
                then 'weapons_public_order_other'
            when offence_group in ('summary_motoring', 'summary_non_motoring')
                then 'summary_offences'
            else offence_group
        end as offence_group,
        coalesce(remand_status, 'not_known') as remand_status
    from defendant_cases
    where
        days_receipt_to_disposal is not null
        and offence_group is not null
),

final as (
    select
        'case_type' as driver,
        case_type as driver_value,
        defendant_on_case_id_hash,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'plea' as driver,
        plea as driver_value,
        defendant_on_case_id_hash,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'offence_group' as driver,
        offence_group as driver_value,
        defendant_on_case_id_hash,
        days_receipt_to_disposal
    from cases_described
    union all
    select
        'remand_status' as driver,
        remand_status as driver_value,
        defendant_on_case_id_hash,
        days_receipt_to_disposal
    from cases_described
)

select * from final
