with

defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

final as (
    {{ standardise_person_records('crown_xhibit', 'defendants', {
        'source_record_id': 'defendant_on_case_id',
        'event_date': 'disposal_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'ethnicity_code', 'postcode', 'postcode_outward', 'pnc_number',
    ]) }}
)

select * from final
