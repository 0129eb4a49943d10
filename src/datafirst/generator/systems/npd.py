"""NPD: the National Pupil Database extract of the MoJ-DfE share.

The people of the population born after 31 August 1985 who were at a state
school in England in the academic years 2000/01 to 2016/17 (most of them:
some were schooled elsewhere), with key stage 2 and key stage 4 results,
one absence record per academic year in school, and fixed-period and
permanent exclusions (more often, and worse results, for pupils who go on
to offend). Identity as the school census last recorded it, with the
profile's recording errors.

Drawn from its own random streams (``npd``, ``identity:npd.pupils``), so the
justice systems' extracts do not change when this one does.
"""

from __future__ import annotations

import numpy as np

from datafirst.generator.dates import d64, from_ymd, year_month_day
from datafirst.generator.systems._common import ids
from datafirst.registry.npd import ABSENCE, ATTAINMENT, EXCLUSIONS, PUPILS, SOURCE

SYSTEM = SOURCE.name
TABLES = SOURCE.tables

BORN_AFTER = d64("1985-08-31")
#: First and last academic years (by the calendar year they start in).
FIRST_YEAR, LAST_YEAR = 2000, 2016
#: Share of eligible people at a state school in England.
IN_ENGLAND_STATE_SCHOOL = 0.93
#: Years of school: reception starts in the September after the 4th birthday
#: (cohort year + 5); year 6 (key stage 2) is cohort + 11, year 11 (key stage
#: 4) cohort + 16; absence is recorded from year 1 (cohort + 6).
RECEPTION, KS2_YEAR, KS4_YEAR, ABSENCE_FROM = 5, 11, 16, 6
SECONDARY_FROM = 12
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def cohort_year(dob: np.ndarray) -> np.ndarray:
    """The academic cohort of each date of birth: the calendar year of the
    1 September on or before it."""
    years, months, _ = year_month_day(dob)
    return np.where(months >= 9, years, years - 1)


def pupils(ctx) -> np.ndarray:
    """The people who are pupils in the extract (indices, ascending)."""
    pop = ctx.pop
    rng = ctx.rng("npd:pupils")
    cohort = cohort_year(pop.dob)
    eligible = (
        (pop.dob > BORN_AFTER)
        & (cohort + KS4_YEAR >= FIRST_YEAR)
        & (cohort + RECEPTION <= LAST_YEAR)
    )
    return np.flatnonzero(eligible & (rng.random(pop.n) < IN_ENGLAND_STATE_SCHOOL))


def _academic_year(start: np.ndarray) -> np.ndarray:
    return np.array([f"{y}/{(y + 1) % 100:02d}" for y in start.tolist()], dtype=object)


def write(ctx, history, others) -> None:
    rng = ctx.rng("npd")
    pop = ctx.pop
    person = pupils(ctx)
    n = len(person)
    cohort = cohort_year(pop.dob[person])
    upn = np.array(
        [f"{_UPN_LETTERS[i % 23]}{i:012d}" for i in ids(rng, n, 8_000_000_000).tolist()],
        dtype=object,
    )
    urn = 100_000 + rng.integers(0, 45_000, size=n)
    # Pupils who go on to offend do worse at school (a propensity score).
    risk = np.where(pop.is_criminal[person], 1.0 + np.minimum(pop.propensity[person], 4.0), 0.0)
    last_year = np.minimum(cohort + KS4_YEAR, LAST_YEAR)
    census = from_ymd(last_year + 1, np.full(n, 1), np.full(n, 18))
    rec = ctx.record(PUPILS, upn, person, census, dob_missing=0.003)
    ctx.writer.write(
        PUPILS,
        {
            "UPN": upn,
            "Surname": rec.surname,
            "Forename": rec.forename,
            "DOB": rec.dob,
            "Gender": rec.sex,
            "Postcode": rec.postcode,
            "URN": urn,
        },
    )
    _write_attainment(ctx, rng, upn, cohort, risk)
    _write_absence(ctx, rng, upn, cohort, risk)
    _write_exclusions(ctx, rng, upn, cohort, risk, urn)


def _write_attainment(ctx, rng, upn, cohort, risk) -> None:
    """Key stage 2 (English and mathematics levels) and key stage 4 (capped
    point score, five A*-C with English and mathematics) for the pupils
    whose assessment year falls in the coverage."""
    rows = []
    for stage, offset in (("KS2", KS2_YEAR), ("KS4", KS4_YEAR)):
        year = cohort + offset
        at = np.flatnonzero((year >= FIRST_YEAR) & (year <= LAST_YEAR))
        rows.append((stage, at, year[at]))
    stage = np.concatenate([np.full(len(at), s, dtype=object) for s, at, _ in rows])
    who = np.concatenate([at for _, at, _ in rows])
    year = np.concatenate([y for _, _, y in rows])
    m = len(who)
    ks2 = stage == "KS2"
    shift = risk[who] * 0.45
    eng, mat = (
        np.clip(np.round(rng.normal(4.1, 0.8, m) - shift), 2, 5).astype(np.int64) for _ in range(2)
    )
    absent = rng.random(m) < 0.02
    eng[absent], mat[absent] = 0, 0
    points = np.clip(np.round(rng.normal(310, 85, m) - risk[who] * 45, 1), 0, 580)
    passed = rng.random(m) < np.clip(0.55 - risk[who] * 0.12, 0.05, 0.9)
    ctx.writer.write(
        ATTAINMENT,
        {
            "Result_ID": ids(rng, m, 500_000),
            "UPN": upn[who],
            "KeyStage": stage,
            "AcademicYear": _academic_year(year),
            "KS2_ENGLEV": np.where(ks2, eng, None).astype(object),
            "KS2_MATLEV": np.where(ks2, mat, None).astype(object),
            "KS4_PTSCAP": np.where(ks2, np.nan, points),
            "KS4_LEVEL2_EM": np.where(ks2, None, passed).astype(object),
        },
    )


def _write_absence(ctx, rng, upn, cohort, risk) -> None:
    """One record per pupil and academic year at school (year 1 to year 11)
    within the coverage; a few years missing (the pupil was away)."""
    first = np.maximum(cohort + ABSENCE_FROM, FIRST_YEAR)
    last = np.minimum(cohort + KS4_YEAR, LAST_YEAR)
    count = np.maximum(last - first + 1, 0)
    who = np.repeat(np.arange(len(upn)), count)
    offset = np.arange(len(who)) - np.repeat(np.cumsum(count) - count, count)
    year = first[who] + offset
    kept = rng.random(len(who)) < 0.97
    who, year = who[kept], year[kept]
    m = len(who)
    possible = rng.integers(300, 331, size=m)
    secondary = year >= cohort[who] + SECONDARY_FROM
    rate = rng.gamma(2.0, 0.022, m) * (1 + risk[who] * np.where(secondary, 0.8, 0.2))
    missed = np.minimum(np.round(possible * rate), possible).astype(np.int64)
    unauthorised_share = np.clip(0.2 + risk[who] * 0.12 * secondary + rng.normal(0, 0.05, m), 0, 1)
    unauthorised = np.round(missed * unauthorised_share).astype(np.int64)
    ctx.writer.write(
        ABSENCE,
        {
            "Absence_ID": ids(rng, m, 2_000_000),
            "UPN": upn[who],
            "AcademicYear": _academic_year(year),
            "SessionsPossible": possible,
            "SessionsAuthorised": missed - unauthorised,
            "SessionsUnauthorised": unauthorised,
        },
    )


def _write_exclusions(ctx, rng, upn, cohort, risk, urn) -> None:
    """Fixed-period exclusions per secondary school year, and at most one
    permanent exclusion per pupil (after which no further exclusions)."""
    first = np.maximum(cohort + SECONDARY_FROM, FIRST_YEAR)
    last = np.minimum(cohort + KS4_YEAR, LAST_YEAR)
    count = np.maximum(last - first + 1, 0)
    who = np.repeat(np.arange(len(upn)), count)
    offset = np.arange(len(who)) - np.repeat(np.cumsum(count) - count, count)
    year = first[who] + offset
    fixed = rng.poisson(0.035 + risk[who] * 0.12)
    perm = rng.random(len(who)) < 0.0004 + risk[who] * 0.004
    events = fixed + perm
    e_who = np.repeat(who, events)
    e_year = np.repeat(year, events)
    # The permanent exclusion, if any, is the year's last event.
    is_last = np.zeros(len(e_who), dtype=bool)
    ends = np.cumsum(events)[events > 0] - 1
    is_last[ends] = True
    e_perm = is_last & np.repeat(perm, events)
    # Exclusions after a pupil's first permanent exclusion are dropped.
    first_perm = np.full(len(upn), 10_000)
    np.minimum.at(first_perm, e_who[e_perm], e_year[e_perm])
    keep = (e_year < first_perm[e_who]) | ((e_year == first_perm[e_who]) & e_perm)
    e_who, e_year, e_perm = e_who[keep], e_year[keep], e_perm[keep]
    m = len(e_who)
    day = rng.integers(3, 300, size=m).astype("timedelta64[D]")
    start = from_ymd(e_year, np.full(m, 9), np.full(m, 1)) + day
    order = np.lexsort((start.astype(np.int64), e_who))
    e_who, start, e_perm = e_who[order], start[order], e_perm[order]
    reasons = ctx.vocab.column("npd_exclusion_reasons", "reason_code")
    weights = np.array([0.08, 0.06, 0.07, 0.14, 0.03, 0.02, 0.01, 0.03, 0.04, 0.03, 0.32, 0.17])
    ctx.writer.write(
        EXCLUSIONS,
        {
            "Exclusion_ID": ids(rng, m, 900_000),
            "UPN": upn[e_who],
            "ExclusionStartDate": start,
            "Category": np.where(e_perm, "PERM", "FIXD").astype(object),
            "Sessions": np.where(e_perm, None, rng.integers(1, 21, size=m)).astype(object),
            "ReasonCode": reasons[rng.choice(len(reasons), size=m, p=weights / weights.sum())],
            "URN": urn[e_who],
        },
    )
