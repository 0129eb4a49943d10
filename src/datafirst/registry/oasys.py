"""OASys: the Offender Assessment System.

Layout quirks: offender records keyed by PNC number (a missing or mistyped
PNC creates another record for the same person); assessments and their
sub-assessments in one set table with a parent pointer; Oracle-style
``dd-MON-yy`` text dates; assessments run to Dec 2023 but only those to Mar
2023 are linkable.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "oasys"

FMT = "dd-MON-yy"


def _t(table, description, grain, columns, person_bearing=False, date_format=FMT):
    return TableSpec(
        system=NAME,
        table=table,
        description=description,
        grain=grain,
        columns=tuple(columns),
        person_bearing=person_bearing,
        date_format=date_format,
    )


OFFENDER = _t(
    "offender",
    "One row per OASys offender record, keyed by PNC in the source: "
    "a missing or mistyped PNC gives the same person another record.",
    "offender record",
    [
        Column("offender_pk", "int64", "OASys offender key.", "key"),
        Column("pnc", "string", "PNC number as entered; null when not known.", ""),
        Column(
            "cms_prob_number",
            "string",
            "Probation case reference: the nDelius CRN of the offender's probation "
            "record, when known (sometimes mistyped).",
            "",
        ),
        Column("family_name", "string", "Surname.", "name"),
        Column("forename_1", "string", "First forename.", "name"),
        Column("forename_2", "string", "Second forename.", "name"),
        Column("date_of_birth", "date", "Date of birth.", "date"),
        Column("gender", "string", "Gender (seed sex_source_values, system oasys).", "code"),
        Column(
            "ethnic_category",
            "string",
            "Ethnicity (seed ethnicity_source_values, system oasys).",
            "",
        ),
    ],
    person_bearing=True,
    date_format=None,
)

OASYS_SET = _t(
    "oasys_set",
    "One row per assessment or sub-assessment; sub-assessments point to their parent assessment.",
    "assessment or sub-assessment",
    [
        Column("oasys_set_pk", "int64", "Assessment key.", "key"),
        Column("offender_pk", "int64", "Offender record.", "fk", references="offender"),
        Column(
            "parent_oasys_set_pk",
            "int64",
            "Parent assessment of a sub-assessment; null for a main assessment.",
            "fk",
            references="oasys_set",
        ),
        Column("assessment_type_code", "string", "Type (seed oasys_assessment_types).", "code"),
        Column("initiation_date", "string", "Date started (dd-MON-yy).", "date_text"),
        Column(
            "date_completed",
            "string",
            "Date completed (dd-MON-yy); null if incomplete.",
            "date_text",
        ),
        Column("assessment_status", "string", "COMPLETE, SIGNED or LOCKED_INCOMPLETE.", ""),
        Column("setting", "string", "PRISON or COMMUNITY.", ""),
    ],
)

CORE_RISK = _t(
    "core_risk",
    "Risk scores and criminogenic need scores of a main assessment; on a layer 3 "
    "assessment also the scored sections 1, 2, 5, 10 and 13.",
    "main assessment",
    [
        Column("core_risk_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "Assessment.", "fk", references="oasys_set"),
        Column("ogrs3_1yr", "int64", "OGRS3 one-year proven reoffending probability (%).", ""),
        Column("ogrs3_2yr", "int64", "OGRS3 two-year proven reoffending probability (%).", ""),
        Column("ogp_1yr", "int64", "OASys general reoffending predictor, one year (%).", ""),
        Column("ovp_1yr", "int64", "OASys violence predictor, one year (%).", ""),
        Column(
            "rosh_level_code", "string", "Overall risk of serious harm (seed rosh_levels).", "code"
        ),
        Column("accommodation_score", "int64", "Need score 0-2.", ""),
        Column("ete_score", "int64", "Education, training and employment need 0-2.", ""),
        Column("relationships_score", "int64", "Relationships need 0-2.", ""),
        Column("lifestyle_score", "int64", "Lifestyle and associates need 0-2.", ""),
        Column("drug_misuse_score", "int64", "Drug misuse need 0-2.", ""),
        Column("alcohol_misuse_score", "int64", "Alcohol misuse need 0-2.", ""),
        Column("thinking_behaviour_score", "int64", "Thinking and behaviour need 0-2.", ""),
        Column("attitudes_score", "int64", "Attitudes need 0-2.", ""),
        # Layer 3 sections; null on other assessment types.
        Column(
            "total_sanctions_count",
            "int64",
            "Section 1: sanctions of all kinds to date, juvenile and adult, the current "
            "conviction included; layer 3 only.",
            "",
        ),
        Column(
            "previous_convictions_count",
            "int64",
            "Section 1: convictions before the current one; layer 3 only.",
            "",
        ),
        Column("age_at_first_sanction", "int64", "Section 1: age in years.", ""),
        Column("age_at_first_conviction", "int64", "Section 1: age in years.", ""),
        Column(
            "previous_custodial_sentences_count",
            "int64",
            "Section 1: custodial sentences before the current conviction.",
            "",
        ),
        Column("breach_history", "string", "Section 1: ever breached an order, Y/N.", ""),
        Column("offending_information_score", "int64", "Section 1 score 0-6.", ""),
        Column(
            "index_offence_group",
            "string",
            "Section 2: offence group of the index offence (seed offence_codes).",
            "",
        ),
        Column("offence_involved_violence", "string", "Section 2: Y/N.", ""),
        Column("offence_involved_weapon", "string", "Section 2: Y/N.", ""),
        Column("offence_victim_count", "int64", "Section 2: number of victims.", ""),
        Column(
            "offence_victim_relationship",
            "string",
            "Section 2: STRANGER, KNOWN, PARTNER or FAMILY; null without a victim.",
            "",
        ),
        Column("offence_with_others", "string", "Section 2: Y/N.", ""),
        Column("offence_accepts_responsibility", "string", "Section 2: Y/N.", ""),
        Column("offence_part_of_pattern", "string", "Section 2: Y/N.", ""),
        Column("offence_linked_to_risk", "string", "Section 2: Y/N.", ""),
        Column("offence_linked_to_reoffending", "string", "Section 2: Y/N.", ""),
    ]
    + [
        Column(name, "int64", f"Section {sec}: item score 0-2.", "")
        for sec, name in (
            (5, "finance_situation_score"),
            (5, "finance_management_score"),
            (5, "finance_illegal_earnings_score"),
            (5, "finance_gambling_score"),
            (5, "finance_debt_score"),
            (5, "finance_reliance_on_others_score"),
        )
    ]
    + [
        Column("finance_total", "int64", "Section 5 total 0-12.", ""),
        Column("finance_linked_to_risk", "string", "Section 5: Y/N.", ""),
        Column("finance_linked_to_reoffending", "string", "Section 5: Y/N.", ""),
    ]
    + [
        Column(name, "int64", "Section 10: item score 0-2.", "")
        for name in (
            "ewb_difficulties_coping_score",
            "ewb_psychological_problems_score",
            "ewb_social_isolation_score",
            "ewb_attitude_to_self_score",
            "ewb_self_harm_suicide_score",
            "ewb_psychiatric_problems_score",
            "ewb_psychiatric_treatment_score",
        )
    ]
    + [
        Column("ewb_total", "int64", "Section 10 total 0-14.", ""),
        Column("ewb_linked_to_risk", "string", "Section 10: Y/N.", ""),
        Column("ewb_linked_to_reoffending", "string", "Section 10: Y/N.", ""),
    ]
    + [
        Column(name, "int64", "Section 13: item score 0-2.", "")
        for name in (
            "health_physical_condition_score",
            "health_disability_score",
            "health_treatment_needed_score",
        )
    ]
    + [Column("health_total", "int64", "Section 13 total 0-6.", "")],
)

BCS = _t(
    "bcs",
    "Basic custody screening answers.",
    "BCS sub-assessment",
    [
        Column("bcs_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "BCS sub-assessment.", "fk", references="oasys_set"),
        Column("accommodation_need", "string", "Y/N.", ""),
        Column("employment_need", "string", "Y/N.", ""),
        Column("finance_need", "string", "Y/N.", ""),
        Column("drug_need", "string", "Y/N.", ""),
        Column("alcohol_need", "string", "Y/N.", ""),
        Column("health_need", "string", "Y/N.", ""),
        Column("family_need", "string", "Y/N.", ""),
    ],
)

ISP = _t(
    "isp",
    "Initial sentence plan meetings.",
    "ISP sub-assessment",
    [
        Column("isp_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "ISP sub-assessment.", "fk", references="oasys_set"),
        Column("meeting_date", "string", "Date of the sentence planning meeting.", "date_text"),
        Column("objectives_count", "int64", "Number of sentence plan objectives.", "length"),
        Column("offender_attended", "string", "Y/N.", ""),
    ],
)

RM2000 = _t(
    "rm2000",
    "Risk Matrix 2000 sub-assessments (sexual offending), linked to their parent assessment.",
    "RM2000 sub-assessment",
    [
        Column("rm2000_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "RM2000 sub-assessment.", "fk", references="oasys_set"),
        Column(
            "parent_oasys_set_pk",
            "int64",
            "The main assessment it belongs to.",
            "fk",
            references="oasys_set",
        ),
        Column("rm2000_s_category", "string", "Sexual risk category (seed rosh_levels).", "code"),
        Column("rm2000_v_category", "string", "Violence risk category (seed rosh_levels).", ""),
        Column("rm2000_combined_category", "string", "Combined category (seed rosh_levels).", ""),
    ],
)

RMP = _t(
    "rmp",
    "Risk management plans.",
    "RMP sub-assessment",
    [
        Column("rmp_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "RMP sub-assessment.", "fk", references="oasys_set"),
        Column("plan_date", "string", "Date of the plan.", "date_text"),
        Column("review_date", "string", "Date the plan is due for review.", "date_text"),
        Column("mappa_level", "int64", "MAPPA management level (1-3); null when not MAPPA.", ""),
    ],
)

ROSH = _t(
    "rosh",
    "Risk of serious harm to each group.",
    "ROSH sub-assessment",
    [
        Column("rosh_pk", "int64", "Row key.", "key"),
        Column("oasys_set_pk", "int64", "ROSH sub-assessment.", "fk", references="oasys_set"),
        Column("risk_to_children", "string", "Level (seed rosh_levels).", "code"),
        Column("risk_to_public", "string", "Level (seed rosh_levels).", "code"),
        Column("risk_to_known_adult", "string", "Level (seed rosh_levels).", "code"),
        Column("risk_to_staff", "string", "Level (seed rosh_levels).", "code"),
        Column("risk_to_prisoners", "string", "Level (seed rosh_levels); custody only.", ""),
    ],
)

TABLES = (OFFENDER, OASYS_SET, CORE_RISK, BCS, ISP, RM2000, RMP, ROSH)

SOURCE = SourceSystem(
    name=NAME,
    title="OASys",
    description="OASys, the Offender Assessment System.",
    coverage=(date(2011, 1, 1), date(2023, 12, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="prison_oasys",
        programme_code="OASys",
        title="Offender assessment",
        kind="criminal",
        person_table="offender",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "sex",
            "pnc_number",
            "crn",
        ),
        keyed_by_pnc=True,
        bridge_level="default",
        published_tables=(
            "assessments_metadata",
            "oasys_assessments_details_bcs",
            "oasys_assessments_details_core_risk",
            "oasys_assessments_details_isp",
            "oasys_assessments_details_rm2000",
            "oasys_assessments_details_rmp",
            "oasys_assessments_details_rosh",
        ),
        access=Access(
            coverage="Jan 2011 - Dec 2023 (only records to Mar 2023 are linked)",
            caveats=(
                "Assessments are of people in custody or under supervision, not a "
                "sample of all offenders.",
                "Records after Mar 2023 carry no person ids.",
            ),
        ),
    ),
)
