"""PNC: the Police National Computer extract of the MoJ-DfE share.

The share links the criminal histories of offenders born after 31 August
1985 (court appearances and their disposals, custody included, 2000-2017)
to the National Pupil Database (:mod:`datafirst.registry.npd`). It is a
separate linkage with its own access route: its datasets are of kind
``share``, outside the cross-justice person linkage, the person-record
union and the probabilistic training.

Layout quirks: the PNC's upper-case names (surname, then all forenames in
one field); ``yyyymmdd`` text dates; the PNC id (``YYYY/NNNNNNNL``) is the
person's key; one row per court appearance and offence disposed of.
"""

from __future__ import annotations

from datetime import date

from datafirst.registry.model import Access, Column, Dataset, SourceSystem, TableSpec

NAME = "pnc"

FMT = "yyyymmdd"

#: The share's common access conditions (shown on both of its datasets).
SHARE_HELD_AT = "ONS Secure Research Service (SRS) only"
SHARE_APPROVED_BY = (
    "Department for Education (DfE) approval, through the MoJ-DfE share's own "
    "application (not the Data First DAGB route for the justice datasets)"
)

PERSONS = TableSpec(
    system=NAME,
    table="persons",
    description=(
        "One row per PNC person: offenders born after 31 August 1985 with a "
        "court appearance between 2000 and 2017, identity as held by the PNC."
    ),
    grain="PNC person",
    person_bearing=True,
    date_format=FMT,
    columns=(
        Column("PNC_ID", "string", "PNC id of the person (YYYY/NNNNNNNL).", "key"),
        Column("SURNAME", "string", "Surname, upper case.", "name"),
        Column("FORENAMES", "string", "Forenames, upper case, space separated.", "name"),
        Column("BIRTH_DATE", "string", "Date of birth (yyyymmdd); null when unknown.", "date_text"),
        Column("SEX", "string", "Sex: M, F or U (seed sex_source_values, system pnc).", "code"),
        Column("POSTCODE", "string", "Postcode of the last known address.", ""),
    ),
)

COURT_APPEARANCES = TableSpec(
    system=NAME,
    table="court_appearances",
    description=(
        "One row per offence disposed of at a court appearance (magistrates' or "
        "Crown Court), 2000-2017, with its disposal; custodial disposals carry "
        "the custodial sentence length."
    ),
    grain="offence disposed of at a court appearance",
    date_format=FMT,
    columns=(
        Column("APPEARANCE_ID", "int64", "PNC's id of the offence disposal.", "key"),
        Column("PNC_ID", "string", "The PNC person.", "fk", references="persons"),
        Column("APPEARANCE_DATE", "string", "Date of the disposal (yyyymmdd).", "date_text"),
        Column("COURT_TYPE", "string", "M magistrates' court, C Crown Court.", "code"),
        Column("OFFENCE_CODE", "string", "CJS offence code (seed offence_codes).", "code"),
        Column(
            "DISPOSAL_CODE",
            "string",
            "PNC disposal code (seed pnc_disposal_codes).",
            "code",
        ),
        Column(
            "CUSTODY_DAYS",
            "int64",
            "Custodial sentence length in days; null unless custodial.",
            "length",
        ),
    ),
)

TABLES = (PERSONS, COURT_APPEARANCES)

SOURCE = SourceSystem(
    name=NAME,
    title="Police National Computer (PNC)",
    description="The PNC extract of the MoJ-DfE share: criminal histories, 2000-2017.",
    coverage=(date(2000, 1, 1), date(2017, 12, 31)),
    tables=TABLES,
    dataset=Dataset(
        code="share_pnc",
        programme_code="PNC",
        title="MoJ-DfE share: PNC criminal histories",
        kind="share",
        person_table="persons",
        identifiers=("forename", "middle_names", "surname", "date_of_birth", "postcode", "sex"),
        published_tables=("pnc_court_appearances",),
        access=Access(
            coverage="court appearances 2000 - 2017, offenders born after 31 Aug 1985",
            held_at=SHARE_HELD_AT,
            approved_by=SHARE_APPROVED_BY,
            caveats=(
                "Linked to the National Pupil Database deterministically (pnc_npd_link), "
                "not through the cross-justice person link: it has no estimated_xjs_id "
                "and cannot be joined to the other Data First datasets.",
                "Only offenders born after 31 August 1985 are in the share.",
                "Simulated appearances begin in 2007 (the simulation's criminal "
                "histories start then), so 2000-2006 is empty in the synthetic data.",
            ),
        ),
    ),
)
