with

hearings as (
    select * from {{ ref('int_civil_hearings_unioned') }}
    where source_system = 'pcol'
),

final as (
    select
        {{ pseudonymise('hearing_id', 'pcol.hearing_id') }}
            as hearing_id_hash,
        {{ pseudonymise('case_number', 'pcol.claim_number') }}
            as case_number_hash,
        hearing_type_code,
        hearing_type_description,
        court_code,
        court_name,
        hearing_date,
        days_since_issue,
        duration_minutes,
        hearing_outcome
    from hearings
)

select * from final
