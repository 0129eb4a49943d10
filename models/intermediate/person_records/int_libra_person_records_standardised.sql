with

defendants as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

final as (
    {{ standardise_person_records('mags_hocas', 'defendants', {
        'source_record_id': 'defendant_case_id',
        'forename': 'forename',
        'middle_names': 'middle_names',
        'surname': 'surname',
        'date_of_birth': 'date_of_birth',
        'sex': 'sex',
        'ethnicity_code': 'ethnicity_code',
        'postcode': 'postcode',
        'postcode_outward': 'postcode_outward',
        'pnc_number': 'pnc_number',
        'event_date': 'first_hearing_date',
    }) }}
)

select * from final
