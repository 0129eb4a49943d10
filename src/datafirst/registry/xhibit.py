"""Xhibit: the Crown Court system (CRCO dataset).

Layout quirks: separate name fields; typed timestamps; defendant-on-case rows
under cases; offences (counts) with disposals in their own table; the
originating magistrates' case carried only through the police URN, which is
often missing or mistyped.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "xhibit"

CASES = TableSpec(
    system=NAME,
    table="cases",
    description="One row per Crown Court case (trial, committal for sentence or appeal).",
    grain="case",
    columns=(
        Column("case_id", "int64", "Xhibit's id of the case.", "key"),
        Column(
            "case_number",
            "string",
            "Crown Court case number: type letter, year, serial (e.g. T20170123).",
            "text",
        ),
        Column(
            "case_type",
            "string",
            "T trial, S committal for sentence, A appeal (seed crown_case_types).",
            "code",
        ),
        Column(
            "court_code", "string", "Three-digit Crown Court location code (seed courts).", "code"
        ),
        Column(
            "receipt_date", "timestamp", "Date the case was received at the Crown Court.", "date"
        ),
        Column(
            "originating_court_code",
            "string",
            "Magistrates' court that sent or committed the case (seed courts).",
            "code",
        ),
        Column(
            "committal_date",
            "timestamp",
            "Date of sending/committal by the magistrates' court.",
            "date",
        ),
        Column(
            "police_urn",
            "string",
            "Police URN of the case; missing or mistyped in a share of cases.",
            "",
        ),
    ),
)

DEFENDANTS = TableSpec(
    system=NAME,
    table="defendants",
    description="One row per defendant on a Crown Court case, with identity as recorded.",
    grain="defendant on case",
    person_bearing=True,
    columns=(
        Column("defendant_on_case_id", "int64", "Xhibit's id of the defendant-on-case.", "key"),
        Column("case_id", "int64", "The case.", "fk", references="cases"),
        Column("surname", "string", "Surname as recorded.", "name"),
        Column("forename_1", "string", "First forename as recorded.", "name"),
        Column("forename_2", "string", "Other forenames as recorded (may be initials).", "name"),
        Column("date_of_birth", "timestamp", "Date of birth; null when unknown.", "date"),
        Column("sex", "string", "Sex (seed sex_source_values, system xhibit).", "code"),
        Column(
            "ethnicity",
            "string",
            "Ethnicity code (seed ethnicity_source_values, system xhibit).",
            "",
        ),
        Column("pnc_number", "string", "PNC id when known.", ""),
        Column("postcode", "string", "Postcode of the defendant's address.", ""),
        Column(
            "remand_status_code",
            "string",
            "Remand status (seed remand_status_codes, system xhibit).",
            "code",
        ),
        Column("disposal_date", "timestamp", "Date the defendant's case was disposed of.", "date"),
    ),
)

OFFENCES = TableSpec(
    system=NAME,
    table="offences",
    description="One row per offence (count) on a defendant-on-case.",
    grain="offence per defendant on case",
    columns=(
        Column("offence_id", "int64", "Xhibit's id of the offence.", "key"),
        Column(
            "defendant_on_case_id", "int64", "The defendant-on-case.", "fk", references="defendants"
        ),
        Column("count_number", "int64", "Count number on the indictment.", ""),
        Column("offence_code", "string", "CJS offence code (seed offence_codes).", "code"),
        Column("plea_code", "string", "Plea (seed plea_codes, system xhibit).", "code"),
        Column("plea_date", "timestamp", "Date the plea was entered.", "date"),
    ),
)

DISPOSALS = TableSpec(
    system=NAME,
    table="disposals",
    description="One row per disposal of an offence (result or sentence).",
    grain="disposal per offence",
    columns=(
        Column("disposal_id", "int64", "Xhibit's id of the disposal.", "key"),
        Column("offence_id", "int64", "The offence disposed of.", "fk", references="offences"),
        Column(
            "disposal_code", "string", "Disposal code (seed disposal_codes, system xhibit).", "code"
        ),
        Column("disposal_date", "timestamp", "Date of the disposal.", "date"),
        Column("custody_months", "int64", "Custodial length in months.", "length"),
        Column("order_months", "int64", "Community or suspended order length in months.", "length"),
        Column("fine_amount", "float64", "Fine amount in pounds.", ""),
    ),
)

WARRANTS = TableSpec(
    system=NAME,
    table="warrants",
    description=(
        "One row per bench warrant issued by the Crown Court for a defendant on bail who "
        "failed to attend."
    ),
    grain="warrant per defendant on case",
    columns=(
        Column("warrant_id", "int64", "Xhibit's id of the warrant.", "key"),
        Column(
            "defendant_on_case_id",
            "int64",
            "The defendant-on-case the warrant was issued for.",
            "fk",
            references="defendants",
        ),
        Column(
            "warrant_type_code",
            "string",
            "BWNB bench warrant not backed for bail, BWB backed for bail "
            "(seed crown_warrant_types).",
            "code",
        ),
        Column("issued_date", "timestamp", "Date the warrant was issued.", "date"),
        Column(
            "executed_date",
            "timestamp",
            "Date the defendant was arrested on the warrant and brought before the court; "
            "null when withdrawn or not recorded.",
            "date",
        ),
        Column(
            "withdrawn_date",
            "timestamp",
            "Date the warrant was withdrawn (the defendant surrendered); null otherwise.",
            "date",
        ),
    ),
)

TABLES = (CASES, DEFENDANTS, OFFENCES, DISPOSALS, WARRANTS)

SOURCE = SourceSystem(
    name=NAME,
    title="Xhibit",
    description="Xhibit, the Crown Court case system.",
    coverage=(date(2013, 1, 1), date(2023, 3, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="crown_xhibit",
        programme_code="CRCO",
        title="Crown Court defendant",
        kind="criminal",
        person_table="defendants",
        identifiers=(
            "forename",
            "middle_names",
            "surname",
            "date_of_birth",
            "postcode",
            "sex",
            "pnc_number",
        ),
        published_tables=("xhibit_flatfile", "xhibit_all_off_disp"),
        access=Access(
            coverage="case disposals Jan 2013 - Mar 2023",
            caveats=(
                "One row per defendant per case, described by its most serious offence; "
                "xhibit_all_off_disp holds every offence and disposal.",
                "Not comparable with the published Criminal Justice Statistics.",
                "Cases sent before the magistrates' data begin have no journey link.",
            ),
        ),
    ),
)
