with

source as (
    select * from {{ source('oasys', 'bcs') }}
),

renamed as (
    select
        -- ids
        cast(bcs_pk as string) as bcs_pk,
        file_row_number as source_row_number,
        {{ raw_value_problem() }} as raw_value_problem,
        cast(oasys_set_pk as string) as oasys_set_pk,

        -- raw 'Y'/'N' answers kept for the checks below
        upper(nullif(trim(accommodation_need), ''))
            as accommodation_need_source,
        upper(nullif(trim(employment_need), '')) as employment_need_source,
        upper(nullif(trim(finance_need), '')) as finance_need_source,
        upper(nullif(trim(drug_need), '')) as drug_need_source,
        upper(nullif(trim(alcohol_need), '')) as alcohol_need_source,
        upper(nullif(trim(health_need), '')) as health_need_source,
        upper(nullif(trim(family_need), '')) as family_need_source,

        -- booleans: the answers of the screening
        case upper(trim(accommodation_need))
            when 'Y' then true
            when 'N' then false
        end as has_accommodation_need,
        case upper(trim(employment_need))
            when 'Y' then true
            when 'N' then false
        end as has_employment_need,
        case upper(trim(finance_need))
            when 'Y' then true
            when 'N' then false
        end as has_finance_need,
        case upper(trim(drug_need))
            when 'Y' then true
            when 'N' then false
        end as has_drug_need,
        case upper(trim(alcohol_need))
            when 'Y' then true
            when 'N' then false
        end as has_alcohol_need,
        case upper(trim(health_need))
            when 'Y' then true
            when 'N' then false
        end as has_health_need,
        case upper(trim(family_need))
            when 'Y' then true
            when 'N' then false
        end as has_family_need
    from source
),

checked as (
    select
        *,
        {{ first_reason(key_checks('bcs_pk', 'oasys_set_pk')) }}
            as quarantine_reason,
        {{ all_flags([
            ["accommodation_need_source not in ('Y', 'N')",
                'unknown_code:accommodation_need'],
            ["employment_need_source not in ('Y', 'N')",
                'unknown_code:employment_need'],
            ["finance_need_source not in ('Y', 'N')",
                'unknown_code:finance_need'],
            ["drug_need_source not in ('Y', 'N')",
                'unknown_code:drug_need'],
            ["alcohol_need_source not in ('Y', 'N')",
                'unknown_code:alcohol_need'],
            ["health_need_source not in ('Y', 'N')",
                'unknown_code:health_need'],
            ["family_need_source not in ('Y', 'N')",
                'unknown_code:family_need'],
        ]) }} as dq_flags
    from renamed
),

final as (
    select
        bcs_pk,
        source_row_number,
        oasys_set_pk,
        has_accommodation_need,
        has_employment_need,
        has_finance_need,
        has_drug_need,
        has_alcohol_need,
        has_health_need,
        has_family_need,
        quarantine_reason,
        dq_flags
    from checked
)

select * from final
