with

defendants as (
    select * from {{ ref('int_xhibit_defendants_trusted') }}
),

final as (
    {{ standardise_person_records('crown_xhibit', 'defendants', {
        'source_record_id': 'defendant_on_case_id',
        'forename': 'forename',
        'middle_names': 'middle_names',
        'surname': 'surname',
        'date_of_birth': 'date_of_birth',
        'sex': 'sex',
        'ethnicity_code': 'ethnicity_code',
        'postcode': 'postcode',
        'postcode_outward': 'postcode_outward',
        'pnc_number': 'pnc_number',
        'event_date': 'disposal_date',
    }) }}
)

select * from final
