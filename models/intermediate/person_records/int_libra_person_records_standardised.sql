with

defendants as (
    select * from {{ ref('int_libra_defendant_case_trusted') }}
),

final as (
    {{ standardise_person_records('mags_hocas', 'defendants', {
        'source_record_id': 'defendant_case_id',
        'event_date': 'first_hearing_date',
    }, same_names=[
        'forename', 'middle_names', 'surname', 'date_of_birth', 'sex',
        'ethnicity_code', 'postcode', 'postcode_outward', 'pnc_number',
    ]) }}
)

select * from final
