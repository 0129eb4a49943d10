"""NPD: the National Pupil Database extract of the MoJ-DfE share.

Pupils at school in England in the academic years 2000/01 to 2016/17 who
were born after 31 August 1985, with their attainment (key stage 2 and key
stage 4), absence (one row per academic year) and exclusions (fixed-period
and permanent). Linked to the PNC (:mod:`datafirst.registry.pnc`) in the
share's own deterministic linkage, never in the cross-justice linkage.

Layout quirks: the NPD's CamelCase column names; mixed-case names; typed
dates; pupils keyed by their unique pupil number (UPN); the school by its
unique reference number (URN).
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec
from datafirst.registry.pnc import SHARE_APPROVED_BY, SHARE_HELD_AT

NAME = "npd"

PUPILS = TableSpec(
    system=NAME,
    table="pupils",
    description=(
        "One row per pupil: people born after 31 August 1985 at a state school "
        "in England between 2000 and 2017, identity as the school census last "
        "recorded it."
    ),
    grain="pupil",
    person_bearing=True,
    columns=(
        Column("UPN", "string", "Unique pupil number (a letter and 12 digits).", "key"),
        Column("Surname", "string", "Surname as recorded by the school.", "name"),
        Column("Forename", "string", "Forename(s) as recorded by the school.", "name"),
        Column("DOB", "date", "Date of birth; null when unknown.", "date"),
        Column("Gender", "string", "M or F (seed sex_source_values, system npd).", "code"),
        Column("Postcode", "string", "Postcode of the pupil's home at the last census.", ""),
        Column("URN", "int64", "Unique reference number of the pupil's last school.", ""),
    ),
)

ATTAINMENT = TableSpec(
    system=NAME,
    table="attainment",
    description=(
        "One row per pupil and key stage assessed: key stage 2 (age 11) levels "
        "in English and mathematics, key stage 4 (age 16) GCSE results."
    ),
    grain="pupil per key stage",
    columns=(
        Column("Result_ID", "int64", "Id of the key stage result.", "key"),
        Column("UPN", "string", "The pupil.", "fk", references="pupils"),
        Column("KeyStage", "string", "KS2 or KS4.", "code"),
        Column("AcademicYear", "string", "Academic year of the assessment (e.g. 2001/02).", ""),
        Column("KS2_ENGLEV", "int32", "KS2 English level (2 to 5; 0 absent); KS2 only.", ""),
        Column("KS2_MATLEV", "int32", "KS2 mathematics level (2 to 5; 0 absent); KS2 only.", ""),
        Column("KS4_PTSCAP", "float64", "KS4 capped point score (best 8); KS4 only.", ""),
        Column(
            "KS4_LEVEL2_EM",
            "bool",
            "KS4: five or more GCSEs at A*-C including English and mathematics.",
            "",
        ),
    ),
)

ABSENCE = TableSpec(
    system=NAME,
    table="absence",
    description="One row per pupil and academic year: sessions possible and missed.",
    grain="pupil per academic year",
    columns=(
        Column("Absence_ID", "int64", "Id of the absence record.", "key"),
        Column("UPN", "string", "The pupil.", "fk", references="pupils"),
        Column("AcademicYear", "string", "Academic year (e.g. 2003/04).", ""),
        Column("SessionsPossible", "int64", "Half-day sessions possible.", "length"),
        Column("SessionsAuthorised", "int64", "Sessions missed, authorised absence.", "length"),
        Column("SessionsUnauthorised", "int64", "Sessions missed, unauthorised.", "length"),
    ),
)

EXCLUSIONS = TableSpec(
    system=NAME,
    table="exclusions",
    description="One row per exclusion of a pupil: fixed-period or permanent.",
    grain="exclusion",
    columns=(
        Column("Exclusion_ID", "int64", "Id of the exclusion.", "key"),
        Column("UPN", "string", "The pupil.", "fk", references="pupils"),
        Column("ExclusionStartDate", "date", "First day of the exclusion.", "date"),
        Column(
            "Category",
            "string",
            "FIXD fixed-period, PERM permanent (seed npd_exclusion_categories).",
            "code",
        ),
        Column(
            "Sessions",
            "int64",
            "Length of a fixed-period exclusion in half-day sessions; null if permanent.",
            "length",
        ),
        Column("ReasonCode", "string", "Reason (seed npd_exclusion_reasons).", "code"),
        Column("URN", "int64", "Unique reference number of the excluding school.", ""),
    ),
)

TABLES = (PUPILS, ATTAINMENT, ABSENCE, EXCLUSIONS)

SOURCE = SourceSystem(
    name=NAME,
    title="National Pupil Database (NPD)",
    description="The NPD extract of the MoJ-DfE share: pupils, attainment, absence, exclusions.",
    coverage=(date(2000, 9, 1), date(2017, 8, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="share_npd",
        programme_code="NPD",
        title="MoJ-DfE share: National Pupil Database",
        kind="share",
        person_table="pupils",
        identifiers=("forename", "middle_names", "surname", "date_of_birth", "postcode", "sex"),
        published_tables=("npd_attainment", "npd_absence", "npd_exclusions"),
        access=Access(
            coverage="academic years 2000/01 - 2016/17, pupils born after 31 Aug 1985",
            held_at=SHARE_HELD_AT,
            approved_by=SHARE_APPROVED_BY,
            caveats=(
                "Joins the PNC only through pnc_npd_link (a deterministic link); "
                "outside the cross-justice person link.",
                "State schools in England only: pupils schooled elsewhere are absent.",
            ),
        ),
    ),
)
