{#-
    The warrants issued on both civil systems' trusted cases in one shape
    (CaseMan's warrant number and PCOL's warrant id are the warrant's id;
    PCOL's eviction date is the date executed), with the days from the
    case's issue and the status reduced to the standard states. Warrants of
    a quarantined case are left out with their case.
-#}
with

caseman_warrants as (
    select
        'caseman' as source_system,
        warrant_number as warrant_id,
        case_number,
        warrant_type_code,
        warrant_type_description,
        issue_date,
        executed_date,
        warrant_status,
        warrant_amount
    from {{ ref('int_caseman_warrants_trusted') }}
),

pcol_warrants as (
    select
        'pcol' as source_system,
        warrant_id,
        claim_number as case_number,
        warrant_type_code,
        warrant_type_description,
        issue_date,
        eviction_date as executed_date,
        warrant_status,
        warrant_amount
    from {{ ref('int_pcol_warrants_trusted') }}
),

cases as (
    select
        source_system,
        case_number,
        issue_date
    from {{ ref('int_civil_cases_unioned') }}
),

warrants as (
    select * from caseman_warrants
    union all
    select * from pcol_warrants
),

final as (
    select
        warrants.source_system,
        warrants.warrant_id,
        warrants.case_number,
        warrants.warrant_type_code,
        warrants.warrant_type_description,
        warrants.issue_date,
        cast({{ dbt.datediff(
            'cases.issue_date', 'warrants.issue_date', 'day'
        ) }} as integer) as days_since_issue,
        warrants.executed_date,
        -- The status is text entered by bailiffs: only the standard states
        -- are kept (garbled or other text is withheld).
        case
            when lower(warrants.warrant_status) in (
                'executed',
                'no goods',
                'outstanding',
                'paid',
                'suspended',
                'withdrawn'
            ) then lower(warrants.warrant_status)
        end as warrant_status,
        warrants.warrant_amount
    from warrants
    inner join cases
        on
            warrants.source_system = cases.source_system
            and warrants.case_number = cases.case_number
)

select * from final
