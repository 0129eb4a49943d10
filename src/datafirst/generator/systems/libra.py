"""Libra: the magistrates' courts case-management system (MACO dataset).

Layout quirks: the defendant's name in one upper-case field as
``SURNAME, Forenames``; dates as ``dd/mm/yyyy`` text; four-digit result
codes; self-defined ethnicity as free-text categories; a defendant record per
case (Libra has no reliable person id).
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.dates import format_dates
from datafirst.generator.extract import Column, TableSpec
from datafirst.generator.systems._common import (
    code_for,
    encode_ethnicity,
    encode_sex,
    ids,
    join_names,
)

SYSTEM = "libra"
FMT = "dd/mm/yyyy"

DEFENDANT_CASE = TableSpec(
    system=SYSTEM,
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
    system=SYSTEM,
    table="offence",
    description="One row per offence charged on a defendant-case, with plea and result.",
    grain="offence per defendant-case",
    date_format=FMT,
    columns=(
        Column("offence_id", "int64", "Libra's id of the offence record.", "key"),
        Column("defendant_case_id", "int64", "The defendant-case the offence belongs to.", "fk"),
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
    system=SYSTEM,
    table="hearing",
    description="One row per hearing of a defendant-case.",
    grain="hearing per defendant-case",
    date_format=FMT,
    columns=(
        Column("hearing_id", "int64", "Libra's id of the hearing.", "key"),
        Column("defendant_case_id", "int64", "The defendant-case heard.", "fk"),
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

#: Libra hearing codes used for each kind of hearing in the simulation.
_HEARING_CODES = {
    "first": ("FH",),
    "adjourned": ("MNTN", "PTR", "RMAND", "PBV", "TRIAL"),
    "final": ("STPSR", "SWPSR", "TRIAL", "FH"),
    "sending": ("SS51",),
}


def in_coverage(history):
    from datafirst.generator.config import COVERAGE

    lo, hi = (np.datetime64(d) for d in COVERAGE[SYSTEM])
    dd = history.mags_cases["disposal_date"]
    return (dd >= lo) & (dd <= hi)


def write(ctx, history, others) -> None:
    rng = ctx.rng("libra")
    mc = history.mags_cases
    keep = in_coverage(history)
    cases = np.flatnonzero(keep)
    case_id = ids(rng, len(cases), 4_000_000)
    id_of_case = np.full(len(mc), -1, dtype=np.int64)
    id_of_case[cases] = case_id
    ctx.ids["libra_defendant_case"] = id_of_case
    _write_defendant_cases(ctx, rng, mc, cases, case_id)
    _write_offences(ctx, rng, history, keep, id_of_case)
    _write_hearings(ctx, rng, history, keep, id_of_case)


def _write_defendant_cases(ctx, rng, mc, cases, case_id) -> None:
    """One row per defendant on a case, the defendant as recorded at the
    offence date."""
    n = len(cases)
    person = mc["person"][cases]
    rec = ctx.record(
        DEFENDANT_CASE,
        case_id,
        person,
        mc["offence_date"][cases],
        dob_missing=ctx.profile.dob_missing_criminal,
    )
    forenames = join_names(rec.forename, rec.middle)
    name = np.array(
        [f"{s.upper()}, {f}" for s, f in zip(rec.surname, forenames, strict=True)], dtype=object
    )
    year = (mc["disposal_date"][cases].astype("datetime64[Y]").astype(np.int64) + 1970) % 100
    case_number = np.array(
        [
            f"{c}/{y:02d}/{s:05d}"
            for c, y, s in zip(mc["court"][cases], year, rng.integers(1, 99999, n), strict=True)
        ],
        dtype=object,
    )
    has_pnc = rng.random(n) < 0.6
    pnc = np.where(has_pnc, ctx.pop.pnc[person], None)
    remand = code_for(
        ctx,
        "remand_status_codes",
        "remand_status",
        "remand_status_code",
        mc["remand"][cases],
        rng,
        source_system=SYSTEM,
    )
    postcode = np.array([p.upper() if p else p for p in rec.postcode], dtype=object)
    ctx.writer.write(
        DEFENDANT_CASE,
        {
            "defendant_case_id": case_id,
            "case_number": case_number,
            "urn": mc["urn"][cases],
            "court_code": mc["court"][cases],
            "defendant_name": name,
            "date_of_birth": format_dates(rec.dob, FMT),
            "sex": encode_sex(ctx, rng, rec.sex, SYSTEM),
            "self_defined_ethnicity": encode_ethnicity(ctx, rng, rec.ethnicity, SYSTEM),
            "address_line_1": rec.address_line,
            "postcode": postcode,
            "pnc_id": pnc,
            "first_hearing_date": format_dates(mc["first_hearing"][cases], FMT),
            "disposal_date": format_dates(mc["disposal_date"][cases], FMT),
            "remand_status_code": remand,
        },
    )


def _write_offences(ctx, rng, history, keep, id_of_case) -> None:
    mc, mo = history.mags_cases, history.mags_offences
    off = np.flatnonzero(keep[mo["case"]])
    m = len(off)
    case_of = mo["case"][off]
    ctx.writer.write(
        OFFENCE,
        {
            "offence_id": ids(rng, m, 90_000_000),
            "defendant_case_id": id_of_case[case_of],
            "offence_seq": mo["seq"][off],
            "offence_code": mo["offence_code"][off],
            "offence_date": format_dates(mc["offence_date"][case_of], FMT),
            "plea_code": code_for(
                ctx,
                "plea_codes",
                "plea_type",
                "plea_code",
                mo["plea"][off],
                rng,
                source_system=SYSTEM,
            ),
            "result_code": code_for(
                ctx,
                "disposal_codes",
                "disposal_type",
                "disposal_code",
                mo["disposal_type"][off],
                rng,
                source_system=SYSTEM,
            ),
            "result_date": format_dates(mc["disposal_date"][case_of], FMT),
            "custody_days": np.where(
                mo["custody_days"][off] > 0, mo["custody_days"][off], None
            ).astype(object),
            "order_months": np.where(
                mo["community_months"][off] > 0, mo["community_months"][off], None
            ).astype(object),
            "amount": mo["amount"][off],
        },
    )


def _write_hearings(ctx, rng, history, keep, id_of_case) -> None:
    """Hearings, each kind given one of Libra's codes for it (the final
    hearing of a case sent to the Crown Court is the sending)."""
    mc, mh = history.mags_cases, history.mags_hearings
    hs = np.flatnonzero(keep[mh["case"]])
    h_case = mh["case"][hs]
    kinds = mh["kind"][hs].copy()
    kinds[(kinds == "final") & mc["sent"][h_case]] = "sending"
    known = {
        r["hearing_type_code"]
        for r in ctx.vocab.seed("hearing_types")
        if r["source_system"] == SYSTEM
    }
    codes = np.empty(len(hs), dtype=object)
    u = rng.random(len(hs))
    for kind, options in _HEARING_CODES.items():
        opts = np.array([c for c in options if c in known], dtype=object)
        mask = kinds == kind
        codes[mask] = opts[(u[mask] * len(opts)).astype(int)]
    ctx.writer.write(
        HEARING,
        {
            "hearing_id": ids(rng, len(hs), 70_000_000),
            "defendant_case_id": id_of_case[h_case],
            "hearing_date": format_dates(mh["date"][hs], FMT),
            "hearing_type_code": codes,
            "court_code": mc["court"][h_case],
        },
    )
