"""OASys: the Offender Assessment System.

Layout quirks: offender records keyed by PNC number (a missing or mistyped
PNC creates another record for the same person); assessments and their
sub-assessments in one set table with a parent pointer; Oracle-style
``dd-MON-yy`` text dates; assessments run to Dec 2023 but only those to Mar
2023 are linkable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from datafirst.generator.dates import NAT, add_days, age_years, format_dates
from datafirst.generator.systems._common import encode_ethnicity, encode_sex, ids
from datafirst.registry.oasys import (
    BCS,
    CORE_RISK,
    FMT,
    ISP,
    OASYS_SET,
    OFFENDER,
    RM2000,
    RMP,
    ROSH,
    SOURCE,
)

SYSTEM = SOURCE.name
TABLES = SOURCE.tables


def _type_code(ctx, klass):
    rows = [r for r in ctx.vocab.seed("oasys_assessment_types") if r["assessment_class"] == klass]
    return rows[0]["assessment_type_code"]


def _levels(ctx):
    rows = ctx.vocab.seed("rosh_levels")
    order = ["low", "medium", "high", "very_high"]
    by = {r["rosh_level"]: r["rosh_level_code"] for r in rows}
    return np.array([by[o] for o in order], dtype=object)


def _pnc_typo(pnc: str, r: float) -> str:
    pos = 5 + int(r * 7)
    return pnc[:pos] + str((int(pnc[pos]) + 3) % 10) + pnc[pos + 1 :]


def write(ctx, history, others) -> None:
    rng = ctx.rng("oasys")
    a = history.assessments
    record, creators, created, rec_pnc = _offender_records(ctx, rng, a)
    crn = _case_references(ctx, rng, creators, _last_assessed(a, record, len(creators)))
    offender_pk = _write_offenders(ctx, rng, a, creators, created, rec_pnc, crn)
    sets = _write_assessments(ctx, rng, a, offender_pk, record)
    _write_core_risk(ctx, rng, sets)
    _write_basic_custody_screenings(ctx, rng, sets)
    _write_sentence_plans(ctx, rng, sets)
    _write_risk_matrix(ctx, rng, sets)
    _write_risk_management_plans(ctx, rng, sets)
    _write_risk_of_serious_harm(ctx, rng, sets)


def _offender_records(ctx, rng, a):
    """Offender records keyed by the PNC as entered (missing or mistyped at
    the profile's rates): a new record for each PNC not seen before, or
    without one. The record of each assessment, and per record the person,
    creation date and PNC."""
    pop = ctx.pop
    n = len(a)
    person = a["person"]
    u = rng.random(n)
    r = rng.random(n)
    entered = pop.pnc[person].copy()
    missing = u < ctx.profile.oasys_pnc_missing
    typo = (~missing) & (u < ctx.profile.oasys_pnc_missing + 0.02)
    for i in np.flatnonzero(typo):
        entered[i] = _pnc_typo(entered[i], r[i])
    entered[missing] = None
    record = np.empty(n, dtype=np.int64)
    creators, created, rec_pnc = [], [], []
    by_pnc: dict[str, int] = {}
    for i in range(n):
        key = entered[i]
        if key is not None and key in by_pnc:
            record[i] = by_pnc[key]
            continue
        record[i] = len(creators)
        creators.append(person[i])
        created.append(a["date"][i])
        rec_pnc.append(key)
        if key is not None:
            by_pnc[key] = record[i]
    creators = np.array(creators, dtype=np.int64)
    created = np.array(created, dtype="datetime64[D]")
    return record, creators, created, rec_pnc


def _last_assessed(a, record, m: int) -> np.ndarray:
    """The date of each offender record's latest assessment."""
    days = a["date"].astype("datetime64[D]").astype(np.int64)
    last = np.full(m, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, record, days)
    return last.astype("datetime64[D]")


def _case_references(ctx, rng, creators, last_assessed) -> np.ndarray:
    """The probation case reference (``cms_prob_number``) of each offender
    record: the nDelius CRN of the person's latest probation record made by
    the record's last assessment, as OASys holds it for the probation case it
    assesses; null when the person had none in nDelius by then, when it was
    not entered, and sometimes with a digit mistyped."""
    crn = ctx.ids["delius_crn"]
    order = np.lexsort((ctx.ids["delius_crn_created"], ctx.ids["delius_crn_person"]))
    person = ctx.ids["delius_crn_person"][order]
    created = ctx.ids["delius_crn_created"][order]
    crn = crn[order]
    out = np.full(len(creators), None, dtype=object)
    # The person's records run from first[p] to last[p] in ``order``.
    first = np.searchsorted(person, creators, side="left")
    last = np.searchsorted(person, creators, side="right")
    u = rng.random(len(creators))
    r = rng.random(len(creators))
    for i in np.flatnonzero((last > first) & (u >= ctx.profile.oasys_crn_missing)):
        made = first[i] + np.searchsorted(created[first[i] : last[i]], last_assessed[i], "right")
        if made > first[i]:
            out[i] = crn[made - 1]
    typo = np.flatnonzero((out != None) & (r < ctx.profile.oasys_crn_typo))  # noqa: E711
    for i in typo:
        pos = 1 + int(r[i] / ctx.profile.oasys_crn_typo * 6)
        out[i] = out[i][:pos] + str((int(out[i][pos]) + 7) % 10) + out[i][pos + 1 :]
    return out


def _write_offenders(ctx, rng, a, creators, created, rec_pnc, crn) -> np.ndarray:
    """The offender table, and the truth of every assessment; the offender
    keys."""
    pop = ctx.pop
    m = len(creators)
    offender_pk = ids(rng, m, 400_000, 20)
    rec = ctx.record(
        OFFENDER, offender_pk, creators, created, dob_missing=ctx.profile.dob_missing_criminal * 0.5
    )
    mids = [mm.split(" ")[0] if mm else None for mm in rec.middle]
    ctx.writer.write(
        OFFENDER,
        {
            "offender_pk": offender_pk,
            "pnc": np.array(rec_pnc, dtype=object),
            "cms_prob_number": crn,
            "family_name": np.array([s.upper() for s in rec.surname], dtype=object),
            "forename_1": np.array([s.upper() for s in rec.forename], dtype=object),
            "forename_2": np.array([x.upper() if x else None for x in mids], dtype=object),
            "date_of_birth": rec.dob,
            "gender": encode_sex(ctx, rng, rec.sex, SYSTEM),
            "ethnic_category": encode_ethnicity(ctx, rng, rec.ethnicity, SYSTEM),
        },
    )
    ctx.truth.add(
        "oasys_assessments",
        person_key=pop.key[a["person"]],
        assessment_date=a["date"],
        is_linkable=a["date"] <= np.datetime64("2023-03-31"),
    )
    return offender_pk


@dataclass
class _Sets:
    """The main assessments (one per simulated assessment) and their
    sub-assessments, as written to ``oasys_set``."""

    main_pk: np.ndarray
    custody: np.ndarray
    ogrs1: np.ndarray
    #: Risk of serious harm of each main assessment (index into ``levels``).
    rosh_idx: np.ndarray
    levels: np.ndarray
    #: Per sub-assessment: its main assessment (row), class, key and start.
    s_parent: np.ndarray
    s_class: np.ndarray
    sub_pk: np.ndarray
    s_init: np.ndarray


def _write_assessments(ctx, rng, a, offender_pk, record) -> _Sets:
    """Main assessments and their sub-assessments (basic custody screening
    and sentence plan at the start of custody, risk matrix, risk of serious
    harm and risk management plan by risk)."""
    pop = ctx.pop
    n = len(a)
    main_pk = ids(rng, n, 9_000_000, 12)
    custody = a["setting"] == "custody"
    main_type = np.where(
        rng.random(n) < 0.7, _type_code(ctx, "layer_3"), _type_code(ctx, "layer_1")
    ).astype(object)
    age = age_years(pop.dob[a["person"]], a["date"])
    young = np.clip((40 - age) / 22, 0, 1)
    ogrs1 = np.clip(np.round(rng.normal(20 + 35 * young, 14)), 1, 99).astype(np.int64)
    rosh_p = rng.random(n)
    rosh_idx = np.where(rosh_p < 0.45, 0, np.where(rosh_p < 0.85, 1, np.where(rosh_p < 0.98, 2, 3)))
    levels = _levels(ctx)

    subs = []  # (parent index, class)
    for i in np.flatnonzero(custody & ~a["is_review"]):
        subs.append((i, "bcs"))
        subs.append((i, "isp"))
    for i in np.flatnonzero(rng.random(n) < 0.05):
        subs.append((i, "rm2000"))
    for i in np.flatnonzero(rosh_idx >= 1):
        subs.append((i, "rosh"))
    for i in np.flatnonzero(rosh_idx >= 2):
        subs.append((i, "rmp"))
    subs.sort()
    s_parent = np.array([s[0] for s in subs], dtype=np.int64)
    s_class = np.array([s[1] for s in subs], dtype=object)
    k = len(subs)
    sub_pk = ids(rng, k, 60_000_000, 12)
    sub_type = np.array([_type_code(ctx, c) for c in s_class], dtype=object) if k else s_class

    init = a["date"]
    done = add_days(init, rng.integers(0, 21, n))
    incomplete = rng.random(n) < 0.04
    status = np.where(
        incomplete, "LOCKED_INCOMPLETE", np.where(rng.random(n) < 0.5, "COMPLETE", "SIGNED")
    )
    s_init = init[s_parent]
    s_done = add_days(s_init, rng.integers(0, 10, k))
    ctx.writer.write(
        OASYS_SET,
        {
            "oasys_set_pk": np.concatenate([main_pk, sub_pk]),
            "offender_pk": np.concatenate([offender_pk[record], offender_pk[record[s_parent]]]),
            "parent_oasys_set_pk": np.concatenate(
                [np.full(n, None, dtype=object), main_pk[s_parent].astype(object)]
            ),
            "assessment_type_code": np.concatenate([main_type, sub_type]),
            "initiation_date": format_dates(np.concatenate([init, s_init]), FMT),
            "date_completed": format_dates(
                np.concatenate([np.where(incomplete, NAT, done), s_done]), FMT
            ),
            "assessment_status": np.concatenate(
                [status.astype(object), np.full(k, "COMPLETE", dtype=object)]
            ),
            "setting": np.concatenate(
                [
                    np.where(custody, "PRISON", "COMMUNITY").astype(object),
                    np.where(custody[s_parent], "PRISON", "COMMUNITY").astype(object),
                ]
            ),
        },
    )
    return _Sets(main_pk, custody, ogrs1, rosh_idx, levels, s_parent, s_class, sub_pk, s_init)


def _write_core_risk(ctx, rng, sets: _Sets) -> None:
    """Predicted reoffending scores, risk level and criminogenic needs of
    each main assessment."""
    n = len(sets.main_pk)
    ogrs1 = sets.ogrs1

    def need(p):
        return np.minimum(rng.binomial(2, p, n), 2)

    ctx.writer.write(
        CORE_RISK,
        {
            "core_risk_pk": ids(rng, n, 1_000_000, 4),
            "oasys_set_pk": sets.main_pk,
            "ogrs3_1yr": ogrs1,
            "ogrs3_2yr": np.clip(ogrs1 + rng.integers(5, 20, n), 1, 99),
            "ogp_1yr": np.clip(ogrs1 + rng.integers(-8, 8, n), 1, 99),
            "ovp_1yr": np.clip(np.round(ogrs1 * rng.uniform(0.3, 0.8, n)), 1, 99).astype(np.int64),
            "rosh_level_code": sets.levels[sets.rosh_idx],
            "accommodation_score": need(0.35),
            "ete_score": need(0.45),
            "relationships_score": need(0.35),
            "lifestyle_score": need(0.5),
            "drug_misuse_score": need(0.4),
            "alcohol_misuse_score": need(0.3),
            "thinking_behaviour_score": need(0.55),
            "attitudes_score": need(0.4),
        },
    )


def _yes_no(rng, p, size: int) -> np.ndarray:
    return np.where(rng.random(size) < p, "Y", "N").astype(object)


def _write_basic_custody_screenings(ctx, rng, sets: _Sets) -> None:
    b = np.flatnonzero(sets.s_class == "bcs")
    nb = len(b)
    ctx.writer.write(
        BCS,
        {
            "bcs_pk": ids(rng, nb, 3_000_000, 4),
            "oasys_set_pk": sets.sub_pk[b],
            "accommodation_need": _yes_no(rng, 0.3, nb),
            "employment_need": _yes_no(rng, 0.5, nb),
            "finance_need": _yes_no(rng, 0.4, nb),
            "drug_need": _yes_no(rng, 0.35, nb),
            "alcohol_need": _yes_no(rng, 0.25, nb),
            "health_need": _yes_no(rng, 0.2, nb),
            "family_need": _yes_no(rng, 0.3, nb),
        },
    )


def _write_sentence_plans(ctx, rng, sets: _Sets) -> None:
    i_ = np.flatnonzero(sets.s_class == "isp")
    ni = len(i_)
    ctx.writer.write(
        ISP,
        {
            "isp_pk": ids(rng, ni, 3_500_000, 4),
            "oasys_set_pk": sets.sub_pk[i_],
            "meeting_date": format_dates(add_days(sets.s_init[i_], rng.integers(0, 30, ni)), FMT),
            "objectives_count": rng.integers(1, 8, ni),
            "offender_attended": _yes_no(rng, 0.9, ni),
        },
    )


def _write_risk_matrix(ctx, rng, sets: _Sets) -> None:
    r_ = np.flatnonzero(sets.s_class == "rm2000")
    nr = len(r_)
    levels = sets.levels
    ctx.writer.write(
        RM2000,
        {
            "rm2000_pk": ids(rng, nr, 4_000_000, 4),
            "oasys_set_pk": sets.sub_pk[r_],
            "parent_oasys_set_pk": sets.main_pk[sets.s_parent[r_]],
            "rm2000_s_category": levels[rng.integers(0, 4, nr)],
            "rm2000_v_category": levels[rng.integers(0, 4, nr)],
            "rm2000_combined_category": levels[rng.integers(0, 4, nr)],
        },
    )


def _write_risk_management_plans(ctx, rng, sets: _Sets) -> None:
    p_ = np.flatnonzero(sets.s_class == "rmp")
    npl = len(p_)
    plan = add_days(sets.s_init[p_], rng.integers(0, 14, npl))
    ctx.writer.write(
        RMP,
        {
            "rmp_pk": ids(rng, npl, 4_500_000, 4),
            "oasys_set_pk": sets.sub_pk[p_],
            "plan_date": format_dates(plan, FMT),
            "review_date": format_dates(add_days(plan, 182), FMT),
            "mappa_level": np.where(rng.random(npl) < 0.3, rng.integers(1, 4, npl), None).astype(
                object
            ),
        },
    )


def _write_risk_of_serious_harm(ctx, rng, sets: _Sets) -> None:
    """Risk to each group, around the main assessment's level (to other
    prisoners only in custody)."""
    o_ = np.flatnonzero(sets.s_class == "rosh")
    no = len(o_)
    levels = sets.levels
    base = sets.rosh_idx[sets.s_parent[o_]]

    def around(size):
        return levels[np.clip(base + rng.integers(-1, 1, size), 0, 3)]

    ctx.writer.write(
        ROSH,
        {
            "rosh_pk": ids(rng, no, 5_000_000, 4),
            "oasys_set_pk": sets.sub_pk[o_],
            "risk_to_children": around(no),
            "risk_to_public": levels[base],
            "risk_to_known_adult": around(no),
            "risk_to_staff": around(no),
            "risk_to_prisoners": np.where(sets.custody[sets.s_parent[o_]], around(no), None),
        },
    )
