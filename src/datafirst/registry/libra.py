"""Libra: the magistrates' courts case-management system (MACO dataset).

Layout quirks: the defendant's name in one upper-case field as
``SURNAME, Forenames``; dates as ``dd/mm/yyyy`` text; four-digit result
codes; self-defined ethnicity as free-text categories; a defendant record per
case (Libra has no reliable person id).
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "libra"

FMT = "dd/mm/yyyy"

DEFENDANT_CASE = TableSpec(
    system=NAME,
    table="defendant_case",
    description="One row per defendant per magistrates' court case, with the defendant's "
    "identity as recorded for that case. Libra creates a new defendant record for every case.",
    grain="defendant per case",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column("defendant_case_id", "int64", "Libra's id of the defendant-on-case record.", "key"),
        Column("case_number", "string", "Court case number: court code / year / serial.", "text"),
        Column(
            "urn",
            "string",
            "Police unique reference number of the case (force, unit, serial, year).",
            "",
        ),
        Column("court_code", "string", "Four-digit magistrates' court code (seed courts).", "code"),
        Column(
            "defendant_name",
            "string",
            "Defendant's name as 'SURNAME, Forenames' in upper "
            "case, middle names included when recorded.",
            "name",
        ),
        Column(
            "date_of_birth",
            "string",
            "Date of birth as dd/mm/yyyy text; blank when not "
            "known; 01/01 often stands for an unknown day and month.",
            "date_text",
        ),
        Column("sex", "string", "Sex as recorded (seed sex_source_values, system libra).", "code"),
        Column(
            "self_defined_ethnicity",
            "string",
            "Self-defined ethnicity text (seed "
            "ethnicity_source_values, system libra); junk values and blanks occur.",
            "",
        ),
        Column("address_line_1", "string", "First line of the defendant's address.", "text"),
        Column(
            "postcode",
            "string",
            "Postcode of the defendant's address; may be stale or mistyped.",
            "",
        ),
        Column("pnc_id", "string", "Police National Computer id when the police supplied it.", ""),
        Column(
            "first_hearing_date", "string", "Date of the first hearing (dd/mm/yyyy).", "date_text"
        ),
        Column(
            "disposal_date",
            "string",
            "Date the case was disposed of at this court (dd/mm/yyyy).",
            "date_text",
        ),
        Column(
            "remand_status_code",
            "string",
            "Bail/remand status at disposal (seed remand_status_codes).",
            "code",
        ),
    ),
)

OFFENCE = TableSpec(
    system=NAME,
    table="offence",
    description="One row per offence charged on a defendant-case, with plea and result.",
    grain="offence per defendant-case",
    date_format=FMT,
    columns=(
        Column("offence_id", "int64", "Libra's id of the offence record.", "key"),
        Column(
            "defendant_case_id",
            "int64",
            "The defendant-case the offence belongs to.",
            "fk",
            references="defendant_case",
        ),
        Column("offence_seq", "int64", "Order of the offence on the charge sheet.", ""),
        Column("offence_code", "string", "CJS offence code (seed offence_codes).", "code"),
        Column(
            "offence_date", "string", "Date the offence was committed (dd/mm/yyyy).", "date_text"
        ),
        Column("plea_code", "string", "Plea entered (seed plea_codes, system libra).", "code"),
        Column(
            "result_code",
            "string",
            "Four-digit result code (seed disposal_codes, system libra).",
            "code",
        ),
        Column("result_date", "string", "Date of the result (dd/mm/yyyy).", "date_text"),
        Column(
            "custody_days", "int64", "Custodial length in days for custodial results.", "length"
        ),
        Column(
            "order_months", "int64", "Length in months of a community or suspended order.", "length"
        ),
        Column("amount", "float64", "Fine or compensation amount in pounds.", ""),
    ),
)

HEARING = TableSpec(
    system=NAME,
    table="hearing",
    description="One row per hearing of a defendant-case.",
    grain="hearing per defendant-case",
    date_format=FMT,
    columns=(
        Column("hearing_id", "int64", "Libra's id of the hearing.", "key"),
        Column(
            "defendant_case_id",
            "int64",
            "The defendant-case heard.",
            "fk",
            references="defendant_case",
        ),
        Column("hearing_date", "string", "Date of the hearing (dd/mm/yyyy).", "date_text"),
        Column(
            "hearing_type_code",
            "string",
            "Kind of hearing (seed hearing_types, system libra).",
            "code",
        ),
        Column("court_code", "string", "Court where the hearing sat (seed courts).", "code"),
    ),
)

TABLES = (DEFENDANT_CASE, OFFENCE, HEARING)

SOURCE = SourceSystem(
    name=NAME,
    title="Libra",
    description="Libra, the magistrates' courts case-management system.",
    coverage=(date(2011, 1, 1), date(2023, 3, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="mags_hocas",
        programme_code="MACO",
        title="Magistrates' courts defendant",
        kind="criminal",
        person_table="defendant_case",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "postcode",
            "sex",
            "pnc_number",
        ),
        published_tables=("hocas_flatfile", "hocas_all_offence"),
        access=Access(
            coverage="case disposals Jan 2011 - Mar 2023",
            caveats=(
                "One row per defendant per case, described by its principal offence; "
                "hocas_all_offence holds every offence.",
                "Not comparable with the published Criminal Justice Statistics: "
                "counting rules, revisions and coverage differ.",
                "The most recent months are incomplete (cases still open at extraction).",
            ),
        ),
    ),
)
