"""nDelius: the probation case-management system (PROB dataset).

Layout quirks: an offender record (CRN) per person that is duplicated by
mistake when a new court referral is not matched to the existing record;
separate first/second/third forenames and a previous surname; an address
history table; dates as ``yyyy-mm-dd`` text.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "delius"

FMT = "yyyy-mm-dd"


def _t(table, description, grain, columns, person_bearing=False):
    return TableSpec(
        system=NAME,
        table=table,
        description=description,
        grain=grain,
        columns=tuple(columns),
        person_bearing=person_bearing,
        date_format=FMT,
    )


OFFENDER = _t(
    "offender",
    "One row per offender record (CRN). Duplicates of one person occur "
    "when a referral is not matched to the existing record.",
    "offender record",
    [
        Column("offender_id", "int64", "nDelius internal offender id.", "key"),
        Column(
            "crn",
            "string",
            "Case reference number (a letter and six digits), unique to the offender record.",
            "",
        ),
        Column("first_name", "string", "First forename.", "name"),
        Column("second_name", "string", "Second forename, when recorded.", "name"),
        Column("third_name", "string", "Third forename, when recorded.", "name"),
        Column("surname", "string", "Surname.", "name"),
        Column("previous_surname", "string", "Earlier surname (e.g. before marriage).", "name"),
        Column("date_of_birth", "string", "Date of birth (yyyy-mm-dd text).", "date_text"),
        Column("gender", "string", "Gender (seed sex_source_values, system delius).", "code"),
        Column(
            "ethnicity",
            "string",
            "Ethnicity text (seed ethnicity_source_values, system delius).",
            "",
        ),
        Column("pnc_number", "string", "PNC id when known.", ""),
        Column("cro_number", "string", "CRO number when known.", ""),
        Column("created_date", "string", "Date the record was created (yyyy-mm-dd).", "date_text"),
    ],
    person_bearing=True,
)

ADDRESS = _t(
    "offender_address",
    "Address history of offender records.",
    "address per offender record",
    [
        Column("offender_address_id", "int64", "Address record id.", "key"),
        Column("offender_id", "int64", "Offender record.", "fk", references="offender"),
        Column("address_number", "string", "House number or name.", "text"),
        Column("street_name", "string", "Street.", "text"),
        Column("postcode", "string", "Postcode, as typed by staff.", ""),
        Column("start_date", "string", "Date the address was recorded as current.", "date_text"),
        Column("end_date", "string", "Date the address stopped being current.", "date_text"),
        Column("address_status", "string", "M main (current) or P previous.", ""),
    ],
)

EVENT = _t(
    "event",
    "One row per event: a court referral creating a sentence or "
    "pre-sentence event with at most one disposal.",
    "event",
    [
        Column("event_id", "int64", "Event id.", "key"),
        Column(
            "offender_id",
            "int64",
            "Offender record the event is held on.",
            "fk",
            references="offender",
        ),
        Column("event_number", "int64", "Event number within the offender record.", ""),
        Column("referral_date", "string", "Date of the court referral (yyyy-mm-dd).", "date_text"),
        Column(
            "disposal_type_code", "string", "Disposal type (seed delius_disposal_types).", "code"
        ),
        Column("disposal_length", "int64", "Length of the order or sentence.", "length"),
        Column("length_unit", "string", "Unit of disposal_length (Months).", ""),
        Column(
            "probation_area_code",
            "string",
            "Probation area managing the event (seed probation_areas).",
            "code",
        ),
        Column("termination_date", "string", "Date the event ended.", "date_text"),
        Column(
            "termination_reason_code",
            "string",
            "Why it ended (seed termination_reasons, applies_to event).",
            "code",
        ),
    ],
)

RQMNT = _t(
    "rqmnt",
    "One row per requirement of a community or suspended sentence order.",
    "requirement",
    [
        Column("rqmnt_id", "int64", "Requirement id.", "key"),
        Column("event_id", "int64", "Event the requirement belongs to.", "fk", references="event"),
        Column("requirement_code", "string", "Requirement type (seed requirement_types).", "code"),
        Column("length", "int64", "Length in the requirement type's unit.", "length"),
        Column("start_date", "string", "Start date.", "date_text"),
        Column("termination_date", "string", "Termination date.", "date_text"),
        Column(
            "termination_reason_code",
            "string",
            "Termination reason (seed termination_reasons, applies_to requirement).",
            "code",
        ),
    ],
)

LIC_CONDITION = _t(
    "lic_condition",
    "One row per licence condition of a released prisoner.",
    "licence condition",
    [
        Column("lic_condition_id", "int64", "Licence condition id.", "key"),
        Column("event_id", "int64", "Custodial event.", "fk", references="event"),
        Column("licence_condition_code", "string", "Condition (seed licence_conditions).", "code"),
        Column("start_date", "string", "Start date.", "date_text"),
        Column("termination_date", "string", "Termination date.", "date_text"),
        Column(
            "termination_reason_code",
            "string",
            "Termination reason (seed termination_reasons, applies_to licence_condition).",
            "code",
        ),
    ],
)

COURT_REPORT = _t(
    "court_report",
    "One row per pre-sentence (court) report.",
    "court report",
    [
        Column("court_report_id", "int64", "Court report id.", "key"),
        Column("event_id", "int64", "Event the report was written for.", "fk", references="event"),
        Column(
            "court_report_type_code", "string", "Report type (seed court_report_types).", "code"
        ),
        Column("requested_date", "string", "Date requested by the court.", "date_text"),
        Column("completed_date", "string", "Date completed.", "date_text"),
        Column(
            "proposed_requirement_code",
            "string",
            "Requirement proposed to the court (seed requirement_types); null when none.",
            "",
        ),
    ],
)

PSS = _t(
    "pss_rqmnt",
    "One row per post-sentence supervision requirement.",
    "PSS requirement",
    [
        Column("pss_rqmnt_id", "int64", "PSS requirement id.", "key"),
        Column("event_id", "int64", "Custodial event.", "fk", references="event"),
        Column(
            "pss_requirement_code",
            "string",
            "PSS requirement (seed pss_requirement_types).",
            "code",
        ),
        Column("start_date", "string", "Start date.", "date_text"),
        Column("termination_date", "string", "Termination date.", "date_text"),
        Column(
            "termination_reason_code",
            "string",
            "Termination reason (seed termination_reasons, applies_to pss).",
            "code",
        ),
    ],
)

TABLES = (OFFENDER, ADDRESS, EVENT, RQMNT, LIC_CONDITION, COURT_REPORT, PSS)

SOURCE = SourceSystem(
    name=NAME,
    title="nDelius",
    description="nDelius, the probation case-management system.",
    coverage=(date(2014, 1, 1), date(2023, 3, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="probation_delius",
        programme_code="PROB",
        title="Probation",
        kind="criminal",
        person_table="offender",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "postcode",
            "sex",
            "pnc_number",
            "cro_number",
            "crn",
        ),
        keyed_by_crn=True,
        published_tables=(
            "delius_flatfile",
            "delius_rqmnt",
            "delius_lic_condition",
            "delius_psr",
            "delius_pss",
        ),
        access=Access(
            coverage="referral dates Jan 2014 - Mar 2023",
            caveats=(
                "One row per offender event (a court referral); one court case can "
                "create several events.",
                "Terminations of recent events are not yet recorded: completeness of "
                "termination columns falls in the last years.",
                "Not comparable with Offender Management Statistics.",
            ),
        ),
    ),
)
