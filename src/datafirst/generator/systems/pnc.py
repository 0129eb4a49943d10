"""PNC: the Police National Computer extract of the MoJ-DfE share.

The people of the population with a criminal history who were born after
31 August 1985, with every offence disposed of at court between 2000 and
2017 (from the simulated magistrates' and Crown Court histories: the final
disposal of each offence; offences sent or committed to the Crown Court
appear at the Crown Court). Identity as the PNC holds it: upper-case names,
``yyyymmdd`` dates of birth, the postcode of the last known address, with
the profile's recording errors.

Drawn from its own random streams (``pnc``, ``identity:pnc.persons``), so
the justice systems' extracts do not change when this one does.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.config import COVERAGE
from datafirst.generator.dates import d64, format_dates
from datafirst.generator.systems._common import code_for, ids, join_names
from datafirst.registry.pnc import COURT_APPEARANCES, FMT, PERSONS, SOURCE

SYSTEM = SOURCE.name
TABLES = SOURCE.tables

#: The share covers offenders born after this day.
BORN_AFTER = d64("1985-08-31")
#: Disposals that send the offence on to the Crown Court: the PNC records
#: the offence's final disposal there instead.
_NOT_FINAL = ("sent_for_trial", "committed_for_sentence")


def appearances(ctx, history) -> dict[str, np.ndarray]:
    """Every offence finally disposed of at court within the share's
    coverage, of a person born after 31 August 1985: person, date, court
    type (M or C), offence code, disposal type and custodial days; by
    person, then date."""
    pop = ctx.pop
    mc, mo = history.mags_cases, history.mags_offences
    cc, co = history.crown_cases, history.crown_offences
    mags = ~np.isin(mo["disposal_type"], _NOT_FINAL)
    m_case = mo["case"][mags]
    c_case = co["crown_case"]
    cols = {
        "person": np.concatenate([mc["person"][m_case], cc["person"][c_case]]),
        "date": np.concatenate([mc["disposal_date"][m_case], cc["disposal_date"][c_case]]),
        "court_type": np.concatenate(
            [np.full(len(m_case), "M", dtype=object), np.full(len(c_case), "C", dtype=object)]
        ),
        "offence_code": np.concatenate([mo["offence_code"][mags], co["offence_code"]]),
        "disposal_type": np.concatenate([mo["disposal_type"][mags], co["disposal_type"]]),
        "custody_days": np.concatenate(
            [mo["custody_days"][mags], np.asarray(co["custody_months"], dtype=np.int64) * 30]
        ),
    }
    lo, hi = (np.datetime64(d) for d in COVERAGE[SYSTEM])
    keep = (pop.dob[cols["person"]] > BORN_AFTER) & (cols["date"] >= lo) & (cols["date"] <= hi)
    order = np.flatnonzero(keep)
    order = order[np.lexsort((cols["date"][order].astype(np.int64), cols["person"][order]))]
    return {k: v[order] for k, v in cols.items()}


def unique_pnc_ids(rng, pnc: np.ndarray) -> np.ndarray:
    """The PNC ids of the share's people, one per person: the population's
    PNC id, but where two people drew the same one (the simulation draws
    serials at random) the later person gets a fresh serial of the same
    year, as the PNC would have issued."""
    out = pnc.copy()
    seen: set[str] = set()
    letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
    for i, value in enumerate(out.tolist()):
        while value in seen:
            year = int(value[:4])
            serial = int(rng.integers(0, 10_000_000))
            value = f"{year}/{serial:07d}{letters[(year * 7 + serial) % len(letters)]}"
        seen.add(value)
        out[i] = value
    return out


def write(ctx, history, others) -> None:
    rng = ctx.rng("pnc")
    app = appearances(ctx, history)
    people, first = np.unique(app["person"], return_index=True)
    last = np.append(first[1:], len(app["person"])) - 1
    pnc_id = unique_pnc_ids(rng, ctx.pop.pnc[people])
    _write_persons(ctx, rng, people, pnc_id, app["date"][last])
    pnc_of = dict(zip(people.tolist(), pnc_id.tolist(), strict=True))
    m = len(app["person"])
    custodial = app["disposal_type"] == "immediate_custody"
    ctx.writer.write(
        COURT_APPEARANCES,
        {
            "APPEARANCE_ID": ids(rng, m, 70_000_000),
            "PNC_ID": np.array([pnc_of[p] for p in app["person"].tolist()], dtype=object),
            "APPEARANCE_DATE": format_dates(app["date"], FMT),
            "COURT_TYPE": app["court_type"],
            "OFFENCE_CODE": app["offence_code"],
            "DISPOSAL_CODE": code_for(
                ctx,
                "pnc_disposal_codes",
                "disposal_type",
                "pnc_disposal_code",
                app["disposal_type"],
                rng,
            ),
            "CUSTODY_DAYS": np.where(
                custodial & (app["custody_days"] > 0), app["custody_days"], None
            ).astype(object),
        },
    )


def _write_persons(ctx, rng, people, pnc_id, last_seen) -> None:
    """One PNC person per offender, identity as recorded at the last
    appearance (upper case; the profile's errors)."""
    rec = ctx.record(
        PERSONS, pnc_id, people, last_seen, dob_missing=ctx.profile.dob_missing_criminal * 0.3
    )
    forenames = join_names(rec.forename, rec.middle)
    ctx.writer.write(
        PERSONS,
        {
            "PNC_ID": pnc_id,
            "SURNAME": np.array([s.upper() if s else None for s in rec.surname], dtype=object),
            "FORENAMES": np.array([f.upper() if f else None for f in forenames], dtype=object),
            "BIRTH_DATE": format_dates(rec.dob, FMT),
            "SEX": np.array(["U" if s is None else s for s in rec.sex], dtype=object),
            "POSTCODE": rec.postcode,
        },
    )
