"""Libra: the magistrates' courts case-management system (MACO dataset).

Layout quirks: the defendant's name in one upper-case field as
``SURNAME, Forenames``; dates as ``dd/mm/yyyy`` text; four-digit result
codes; self-defined ethnicity as free-text categories; a defendant record per
case (Libra has no reliable person id); co-defendants share the case
number, police reference, court and hearing dates.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.dates import format_dates
from datafirst.generator.systems._common import (
    code_for,
    encode_ethnicity,
    encode_sex,
    ids,
    join_names,
)
from datafirst.registry.libra import DEFENDANT_CASE, FMT, HEARING, OFFENCE, SOURCE

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


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
    """One row per defendant on a case (co-defendants under one case
    number), the defendant as recorded at the offence date."""
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
    # Co-defendants share their lead's case number (the lead is disposed of
    # on the same day, so in coverage with them).
    pos = np.full(len(mc), -1, dtype=np.int64)
    pos[cases] = np.arange(n)
    case_number = case_number[pos[mc["co_lead"][cases]]]
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
