"""Xhibit: the Crown Court system (CRCO dataset).

Layout quirks: separate name fields; typed timestamps; defendant-on-case rows
under cases; offences (counts) with disposals in their own table; the
originating magistrates' case carried only through the police URN, which is
often missing or mistyped.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.systems._common import code_for, encode_ethnicity, encode_sex, ids
from datafirst.registry.xhibit import CASES, DEFENDANTS, DISPOSALS, OFFENCES, SOURCE, WARRANTS

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


_PLEA_TYPE = {
    "guilty": "guilty",
    "guilty_late": "guilty",
    "guilty_lesser": "guilty_lesser",
    "not_guilty": "not_guilty",
}


def _urn_typo(rng, urn: str) -> str:
    pos = 4 + rng.integers(7)
    digit = str((int(urn[pos]) + 1 + rng.integers(8)) % 10)
    return urn[:pos] + digit + urn[pos + 1 :]


def write(ctx, history, others) -> None:
    rng = ctx.rng("xhibit")
    cc = history.crown_cases
    lo, hi = (np.datetime64(d) for d in COVERAGE[SYSTEM])
    keep = (cc["disposal_date"] >= lo) & (cc["disposal_date"] <= hi)
    cases = np.flatnonzero(keep)
    n = len(cases)
    case_id = ids(rng, n, 300_000)
    doc_id = ids(rng, n, 8_000_000)  # a defendant on each (simulated) case
    doc_of = np.full(len(cc), -1, dtype=np.int64)
    doc_of[cases] = doc_id
    # Co-defendants tried together are defendants on their lead's case (the
    # lead is disposed of on the same day, so kept with them).
    pos = np.full(len(cc), -1, dtype=np.int64)
    pos[cases] = np.arange(n)
    head = pos[cc["joint_lead"][cases]]
    case_id = case_id[head]
    _write_cases(ctx, rng, history, cases, case_id, doc_id, head)
    _write_defendants(ctx, rng, cc, cases, case_id, doc_id)
    _write_offences_and_disposals(ctx, rng, history, keep, doc_of)
    _write_warrants(ctx, history, keep, doc_of)


def _write_cases(ctx, rng, history, cases, case_id, doc_id, head) -> None:
    """The cases (a row for each lead: ``head`` is the position of each
    defendant's case), with the police URN as keyed (missing or mistyped at
    the profile's rates), and the truth of which magistrates' case each
    defendant-on-case came from."""
    cc, mc = history.crown_cases, history.mags_cases
    defendants = cases
    heads = np.flatnonzero(head == np.arange(len(cases)))
    cases, case_id = cases[heads], case_id[heads]
    n = len(cases)
    receipt = cc["receipt_date"][cases]
    year = receipt.astype("datetime64[Y]").astype(np.int64) + 1970
    case_number = np.array(
        [
            f"{t}{y}{s:04d}"
            for t, y, s in zip(cc["case_type"][cases], year, rng.integers(1, 9999, n), strict=True)
        ],
        dtype=object,
    )
    urn = cc["urn"][cases].copy()
    u = rng.random(n)
    urn_missing = u < ctx.profile.xhibit_urn_missing
    urn_typo = (~urn_missing) & (u < ctx.profile.xhibit_urn_missing + ctx.profile.xhibit_urn_typo)
    for i in np.flatnonzero(urn_typo):
        urn[i] = _urn_typo(rng, urn[i])
    urn[urn_missing] = None
    committal = mc["disposal_date"][cc["mags_case"][cases]]
    ctx.writer.write(
        CASES,
        {
            "case_id": case_id,
            "case_number": case_number,
            "case_type": cc["case_type"][cases],
            "court_code": cc["court"][cases],
            "receipt_date": receipt,
            "originating_court_code": cc["mags_court"][cases],
            "committal_date": committal,
            "police_urn": urn,
        },
    )
    # Truth: which magistrates' case each Crown defendant-on-case came from.
    from datafirst.generator.systems import libra

    urn_recorded = np.where(urn_missing, "missing", np.where(urn_typo, "mistyped", "exact"))
    case_of = np.searchsorted(heads, head)
    mags = cc["mags_case"][defendants]
    in_libra = libra.in_coverage(history)[mags]
    ctx.truth.add(
        "crown_mags_cases",
        defendant_on_case_id=doc_id,
        crown_case_type=cc["case_type"][defendants],
        mags_defendant_case_id=np.where(
            in_libra,
            ctx.ids["libra_defendant_case"][mags].astype(str).astype(object),
            None,
        ),
        mags_case_in_extract=in_libra,
        urn_recorded=urn_recorded[case_of].astype(object),
    )


def _write_defendants(ctx, rng, cc, cases, case_id, doc_id) -> None:
    """One defendant on each case, as recorded at receipt."""
    n = len(cases)
    receipt = cc["receipt_date"][cases]
    person = cc["person"][cases]
    rec = ctx.record(
        DEFENDANTS, doc_id, person, receipt, dob_missing=ctx.profile.dob_missing_criminal * 0.6
    )
    middle = rec.middle.copy()
    ctx.writer.write(
        DEFENDANTS,
        {
            "defendant_on_case_id": doc_id,
            "case_id": case_id,
            "surname": np.array(
                [s.upper() if rng.random() < 0.5 else s for s in rec.surname], dtype=object
            ),
            "forename_1": rec.forename,
            "forename_2": np.where(middle == "", None, middle),
            "date_of_birth": rec.dob,
            "sex": encode_sex(ctx, rng, rec.sex, SYSTEM),
            "ethnicity": encode_ethnicity(ctx, rng, rec.ethnicity, SYSTEM),
            "pnc_number": np.where(rng.random(n) < 0.85, ctx.pop.pnc[person], None),
            "postcode": rec.postcode,
            "remand_status_code": code_for(
                ctx,
                "remand_status_codes",
                "remand_status",
                "remand_status_code",
                cc["remand"][cases],
                rng,
                source_system=SYSTEM,
            ),
            "disposal_date": cc["disposal_date"][cases],
        },
    )


def _write_offences_and_disposals(ctx, rng, history, keep, doc_of) -> None:
    """The offences (counts) of the cases kept, with pleas, and the disposal
    of each."""
    cc, co = history.crown_cases, history.crown_offences
    off = np.flatnonzero(keep[co["crown_case"]])
    m = len(off)
    off_id = ids(rng, m, 20_000_000)
    crown_case = co["crown_case"][off]
    plea_type = np.array([_PLEA_TYPE[p] for p in co["plea"][off]], dtype=object)
    plea_code = code_for(
        ctx, "plea_codes", "plea_type", "plea_code", plea_type, rng, source_system=SYSTEM
    )
    plea_code[co["plea"][off] == "guilty"] = "PG"
    plea_code[co["plea"][off] == "guilty_late"] = "CPG"
    plea_date = np.where(
        co["plea"][off] == "guilty",
        cc["receipt_date"][crown_case] + rng.integers(7, 40, m).astype("timedelta64[D]"),
        cc["disposal_date"][crown_case] - rng.integers(0, 20, m).astype("timedelta64[D]"),
    )
    # A plea is entered between receipt and disposal: an early guilty plea
    # in a case disposed of within weeks falls on the disposal day at latest.
    plea_date = np.minimum(
        np.maximum(plea_date, cc["receipt_date"][crown_case]), cc["disposal_date"][crown_case]
    )
    ctx.writer.write(
        OFFENCES,
        {
            "offence_id": off_id,
            "defendant_on_case_id": doc_of[crown_case],
            "count_number": co["seq"][off],
            "offence_code": co["offence_code"][off],
            "plea_code": plea_code,
            "plea_date": plea_date,
        },
    )
    ctx.writer.write(
        DISPOSALS,
        {
            "disposal_id": ids(rng, m, 50_000_000),
            "offence_id": off_id,
            "disposal_code": code_for(
                ctx,
                "disposal_codes",
                "disposal_type",
                "disposal_code",
                co["disposal_type"][off],
                rng,
                source_system=SYSTEM,
            ),
            "disposal_date": cc["disposal_date"][crown_case],
            "custody_months": np.where(
                co["custody_months"][off] > 0, co["custody_months"][off], None
            ).astype(object),
            "order_months": np.where(
                co["community_months"][off] > 0, co["community_months"][off], None
            ).astype(object),
            "fine_amount": co["amount"][off],
        },
    )


_WARRANT_TYPE_CODE = {"not_backed_for_bail": "BWNB", "backed_for_bail": "BWB"}


def _write_warrants(ctx, history, keep, doc_of) -> None:
    """Bench warrants of the cases kept. Staff do not always record the
    execution: a share of executed warrants keep no executed date. Drawn
    and malformed from streams of their own (the table came later)."""
    rng = ctx.rng("xhibit:warrants")
    cw = history.crown_warrants
    sel = np.flatnonzero(keep[cw["crown_case"]])
    k = len(sel)
    executed = cw["outcome"][sel] == "executed"
    unrecorded = executed & (rng.random(k) < ctx.profile.xhibit_warrant_execution_unrecorded)
    resolved = cw["resolved"][sel]
    nat = np.datetime64("NaT")
    with ctx.writer.drawing_from(ctx.rng("malformed_rows:xhibit.warrants")):
        ctx.writer.write(
            WARRANTS,
            {
                "warrant_id": ids(rng, k, 700_000),
                "defendant_on_case_id": doc_of[cw["crown_case"][sel]],
                "warrant_type_code": np.array(
                    [_WARRANT_TYPE_CODE[t] for t in cw["warrant_type"][sel]], dtype=object
                ),
                "issued_date": cw["issued"][sel],
                "executed_date": np.where(executed & ~unrecorded, resolved, nat),
                "withdrawn_date": np.where(executed, nat, resolved),
            },
        )
