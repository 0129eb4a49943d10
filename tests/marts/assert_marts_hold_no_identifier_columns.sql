{#- No mart column may be named like a personal identifier or a raw source
    id: names, dates of birth, addresses, postcodes, PNC/CRO, prison and
    booking numbers, CRN, National Insurance numbers, or any *_id other than
    the linkage's estimated person ids. Institution names (court, prison,
    local authority, probation area) are allowed. Returns the offending
    columns. -#}
with

schema_columns as (
    {{ schema_columns(generate_schema_name('marts', none)) }}
),

mart_columns as (
    select
        table_name,
        lower(column_name) as column_name
    from schema_columns
),

final as (
    select
        table_name,
        column_name
    from mart_columns
    where
        (
            {{ regexp_like(
                'column_name',
                '(^|_)(names?|forenames?|surnames?|alias(es)?|dob|birth'
                ~ '|address(es)?|postcode|pnc|cro|prison_number|booking_no'
                ~ '|crn|nino|ni_number|urn)($|_)'
            ) }}
            and not {{ regexp_like(
                'column_name',
                '(court|prison|local_authority|probation_area|provider)_name$'
            ) }}
            and column_name != 'has_date_of_birth'
        )
        or (
            {{ regexp_like('column_name', '_id$') }}
            and not {{ regexp_like('column_name', '^estimated_[a-z_]*_id$') }}
        )
)

select * from final
