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
    _write_core_risk(ctx, rng, sets, history)
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
    #: Whether each main assessment is a layer 3 (full) assessment, the type
    #: holding the scored sections.
    is_layer3: np.ndarray
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
    is_layer3 = main_type == _type_code(ctx, "layer_3")
    return _Sets(
        main_pk, custody, ogrs1, rosh_idx, levels, is_layer3, s_parent, s_class, sub_pk, s_init
    )


def _write_core_risk(ctx, rng, sets: _Sets, history) -> None:
    """Predicted reoffending scores, risk level and criminogenic needs of
    each main assessment; on a layer 3 assessment also the sections of
    offending information, analysis of offences, finance, emotional
    wellbeing and health (drawn after the others, from streams of their
    own)."""
    n = len(sets.main_pk)
    ogrs1 = sets.ogrs1

    def need(p):
        return np.minimum(rng.binomial(2, p, n), 2)

    a = history.assessments
    columns = {
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
    }
    columns.update(_offending_information(ctx, history, a, sets.is_layer3))
    columns.update(_needs_sections(ctx, a, sets.is_layer3))
    ctx.writer.write(CORE_RISK, columns)


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


# --- Layer 3 sections: offending information (1), analysis of offences (2),
# finance (5), emotional wellbeing (10), health (13). Each has its own random
# streams, so the columns written before them keep their values.

#: Per offence group: P(violence or threat), P(weapon), P(an identifiable
#: victim), P(committed with others), P(linked to risk of serious harm).
_OFFENCE_PROFILE = {
    "violence_against_the_person": (0.95, 0.25, 0.97, 0.20, 0.90),
    "robbery": (0.90, 0.35, 1.00, 0.45, 0.90),
    "sexual_offences": (0.60, 0.05, 0.98, 0.08, 0.95),
    "possession_of_weapons": (0.30, 1.00, 0.10, 0.15, 0.70),
    "criminal_damage_and_arson": (0.15, 0.03, 0.90, 0.20, 0.45),
    "public_order_offences": (0.35, 0.05, 0.50, 0.30, 0.40),
    "theft_offences": (0.03, 0.01, 0.80, 0.25, 0.20),
    "fraud_offences": (0.01, 0.00, 0.90, 0.20, 0.15),
    "drug_offences": (0.03, 0.03, 0.00, 0.30, 0.30),
    "summary_motoring": (0.01, 0.00, 0.05, 0.05, 0.25),
    "summary_non_motoring": (0.05, 0.01, 0.20, 0.10, 0.15),
    "miscellaneous_crimes_against_society": (0.03, 0.01, 0.10, 0.15, 0.20),
}
#: Victim relationship mix (stranger, known, partner, family) by group.
_VICTIM_MIX = {
    "violence_against_the_person": (0.32, 0.30, 0.28, 0.10),
    "sexual_offences": (0.20, 0.45, 0.15, 0.20),
    "robbery": (0.82, 0.16, 0.01, 0.01),
}
_VICTIM_CODES = np.array(["STRANGER", "KNOWN", "PARTNER", "FAMILY"], dtype=object)


@dataclass
class _Convictions:
    """Conviction occasions of the simulated history (one per court case that
    ended in a conviction), by person then date, with the most serious
    offence convicted and whether the person pleaded guilty."""

    person: np.ndarray
    date: np.ndarray
    group: np.ndarray
    guilty_plea: np.ndarray


def _conviction_occasions(ctx, history) -> _Convictions:
    """A case convicted at the magistrates' court and dealt with there (not
    sent or committed to the Crown Court, nor appealed), or a Crown Court
    trial, committal for sentence or appeal with a conviction standing:
    dated at the court's disposal."""
    group_of = {r["offence_code"]: r["offence_group"] for r in ctx.vocab.seed("offence_codes")}
    parts = []
    mc, mo = history.mags_cases, history.mags_offences
    cc, co = history.crown_cases, history.crown_offences
    for cases, offences, case_col, keep in (
        (mc, mo, "case", ~(mc["sent"] | mc["committed"] | mc["appeal"])),
        (cc, co, "crown_case", np.ones(len(cc), dtype=bool)),
    ):
        conv = (
            offences["convicted"]
            & keep[offences[case_col]]
            & ~np.isin(offences["disposal_type"], ["acquitted", "dismissed"])
        )
        case = offences[case_col][conv]
        serious = offences["seriousness"][conv]
        # The most serious offence convicted on each case (first on ties).
        order = np.lexsort((-serious, case))
        case, first = np.unique(case[order], return_index=True)
        top = np.flatnonzero(conv)[order][first]
        guilty = np.zeros(len(cases), dtype=bool)
        np.logical_or.at(guilty, offences[case_col][conv], offences["plea"][conv] != "not_guilty")
        parts.append(
            (
                cases["person"][case],
                cases["disposal_date"][case],
                np.array([group_of[c] for c in offences["offence_code"][top]], dtype=object),
                guilty[case],
            )
        )
    person = np.concatenate([p[0] for p in parts])
    date = np.concatenate([p[1] for p in parts]).astype("datetime64[D]")
    order = np.lexsort((date.astype(np.int64), person))
    return _Convictions(
        person[order],
        date[order],
        np.concatenate([p[2] for p in parts])[order],
        np.concatenate([p[3] for p in parts])[order],
    )


def _count_before(person_ev, date_ev, person, when, inclusive=False) -> np.ndarray:
    """Per (person, when): how many events of the person (``person_ev``,
    ``date_ev``, sorted by person then date) fall before ``when`` (or on it
    when ``inclusive``)."""
    key_ev = person_ev.astype(np.int64) * 100_000 + date_ev.astype("datetime64[D]").astype(np.int64)
    key = person.astype(np.int64) * 100_000 + when.astype("datetime64[D]").astype(np.int64)
    start = np.searchsorted(person_ev, person, side="left")
    return np.searchsorted(key_ev, key, side="right" if inclusive else "left") - start


def _noisy_count(rng, true: np.ndarray, p_off: float, p_missing: float, floor=0) -> np.ndarray:
    """A count as an assessor records it: one off (either way, never below
    ``floor``) in ``p_off`` of assessments, not recorded in ``p_missing``."""
    n = len(true)
    off = rng.random(n) < p_off
    step = np.where(rng.random(n) < 0.5, -1, 1)
    value = np.maximum(true + np.where(off, step, 0), np.minimum(floor, true))
    return np.where(rng.random(n) < p_missing, None, value).astype(object)


def _item_scores(rng, base: np.ndarray, latent: np.ndarray, p_missing: float) -> np.ndarray:
    """A 0-2 item score around a prevalence ``base`` shifted by a latent
    (per person) factor; null (not answered) in ``p_missing``."""
    logit = np.log(base / (1 - base)) + 1.1 * latent
    p = 1 / (1 + np.exp(-logit))
    score = rng.binomial(2, p).astype(np.int64)
    return np.where(rng.random(len(score)) < p_missing, None, score).astype(object)


def _total(items: list[np.ndarray]) -> np.ndarray:
    """Section total: the sum of the items answered; null when none was."""
    stacked = np.array(items, dtype=object)
    answered = stacked != None  # noqa: E711
    total = np.where(answered, stacked, 0).astype(np.int64).sum(axis=0)
    return np.where(answered.any(axis=0), total, None).astype(object)


def _flag(rng, p: np.ndarray, is_layer3: np.ndarray) -> np.ndarray:
    """A Y/N answer with probability ``p`` of Y, null off layer 3."""
    yes = rng.random(len(p)) < p
    return np.where(is_layer3, np.where(yes, "Y", "N"), None).astype(object)


def _layer3(values: np.ndarray, is_layer3: np.ndarray) -> np.ndarray:
    return np.where(is_layer3, values, None).astype(object)


def _offending_information(ctx, history, a, is_layer3) -> dict[str, np.ndarray]:
    """Section 1 (criminal history) and section 2 (the index offence) of each
    main assessment, from the person's history as it stood at the assessment
    date; history before the simulation (juvenile and pre-2007 adult
    sanctions) is drawn once per person."""
    pop = ctx.pop
    rng_p = ctx.rng("oasys:offending_before_window")
    rng_e = ctx.rng("oasys:offending_information_errors")
    rng_o = ctx.rng("oasys:offence_analysis")
    n_pop = len(pop.dob)
    person = a["person"]
    when = a["date"].astype("datetime64[D]")
    n = len(person)

    # History before the window, per person.
    age_2007 = age_years(pop.dob, np.full(n_pop, np.datetime64("2007-01-01")))
    adult_years = np.clip(age_2007 - 18, 0, None)
    pre_convictions = rng_p.poisson(pop.propensity / 16 * adult_years * 0.8)
    pre_cautions = rng_p.poisson(0.25 + 0.05 * adult_years)
    juvenile = rng_p.random(n_pop) < 0.35
    juv_sanctions = np.where(juvenile, 1 + rng_p.poisson(1.2, n_pop), 0)
    juv_convictions = rng_p.binomial(juv_sanctions, 0.55)
    juv_first_age = rng_p.integers(10, 18, n_pop)
    pre_first_age = 18 + np.floor(rng_p.random(n_pop) * np.maximum(adult_years, 1)).astype(np.int64)
    pre_custody = rng_p.binomial(pre_convictions, 0.12)
    pre_breach = (pre_convictions >= 2) & (rng_p.random(n_pop) < 0.3)

    conv = _conviction_occasions(ctx, history)
    # Index conviction: the person's latest conviction on or before the
    # date; for an assessment before any conviction (on remand awaiting
    # trial), the conviction the case goes on to.
    upto = _count_before(conv.person, conv.date, person, when, inclusive=True)
    start = np.searchsorted(conv.person, person, side="left")
    pending = (upto == 0) & (np.searchsorted(conv.person, person, side="right") > start)
    has_index = (upto > 0) | pending
    idx = np.where(upto > 0, start + upto - 1, np.where(pending, start, 0))
    index_date = np.minimum(np.where(has_index, conv.date[idx], when), when)
    previous_in_window = np.where(upto > 0, upto - 1, 0)
    first_conv_date = np.where(
        has_index, np.minimum(conv.date[start.clip(max=len(conv.date) - 1)], when), when
    )

    cu = history.custody
    sentenced = cu["sentence_days"] > 0
    c_order = np.lexsort((cu["start"][sentenced].astype(np.int64), cu["person"][sentenced]))
    c_person = cu["person"][sentenced][c_order]
    c_start = cu["start"][sentenced][c_order].astype("datetime64[D]")
    custody_before = _count_before(c_person, c_start, person, index_date)

    ev = history.probation_events
    breached = np.isin(ev["outcome"], ["breach", "revoked"]) & ~np.isnat(ev["termination_date"])
    b_order = np.lexsort(
        (ev["termination_date"][breached].astype(np.int64), ev["person"][breached])
    )
    b_person = ev["person"][breached][b_order]
    b_date = ev["termination_date"][breached][b_order].astype("datetime64[D]")
    breaches = _count_before(b_person, b_date, person, when)

    prev_conv = previous_in_window + pre_convictions[person] + juv_convictions[person]
    sanctions = (
        upto + pending + pre_convictions[person] + pre_cautions[person] + juv_sanctions[person]
    )
    age_first_window = age_years(pop.dob[person], first_conv_date)
    no_window = ~has_index
    first_conv_age = np.where(no_window, 99, age_first_window)
    first_conv_age = np.where(
        pre_convictions[person] > 0,
        np.minimum(first_conv_age, pre_first_age[person]),
        first_conv_age,
    )
    first_conv_age = np.where(
        juv_convictions[person] > 0,
        np.minimum(first_conv_age, juv_first_age[person]),
        first_conv_age,
    )
    first_sanction_age = np.where(
        juv_sanctions[person] > 0, np.minimum(first_conv_age, juv_first_age[person]), first_conv_age
    )
    first_sanction_age = np.where(
        pre_cautions[person] > 0,
        np.minimum(first_sanction_age, np.minimum(pre_first_age[person], first_conv_age)),
        first_sanction_age,
    )
    custody_prev = custody_before + pre_custody[person]
    breach = (breaches > 0) | pre_breach[person]
    score = (
        np.select([prev_conv == 0, prev_conv <= 2], [0, 1], 2)
        + np.select([custody_prev == 0, custody_prev == 1], [0, 1], 2)
        + np.where(breach, 2, 0)
    )

    def ages(true):
        v = true + np.where(rng_e.random(n) < 0.02, np.where(rng_e.random(n) < 0.5, -1, 1), 0)
        v = np.where((true >= 99) | (rng_e.random(n) < 0.015), None, v)
        return _layer3(v, is_layer3)

    out = {
        # The current offence is always counted, even when the assessment
        # comes before its conviction: never recorded as none.
        "total_sanctions_count": _layer3(
            _noisy_count(rng_e, np.maximum(sanctions, 1), 0.04, 0.015, floor=1), is_layer3
        ),
        "previous_convictions_count": _layer3(
            _noisy_count(rng_e, prev_conv, 0.04, 0.015), is_layer3
        ),
        "age_at_first_sanction": ages(first_sanction_age),
        "age_at_first_conviction": ages(first_conv_age),
        "previous_custodial_sentences_count": _layer3(
            _noisy_count(rng_e, custody_prev, 0.02, 0.015), is_layer3
        ),
        "breach_history": _layer3(np.where(breach ^ (rng_e.random(n) < 0.02), "Y", "N"), is_layer3),
        "offending_information_score": _layer3(score, is_layer3),
    }

    # Section 2: the index offence.
    has = is_layer3 & has_index
    group = np.where(has_index, conv.group[idx], None).astype(object)
    prof = np.array(
        [
            _OFFENCE_PROFILE.get(g, (0.05, 0.01, 0.2, 0.1, 0.2)) if g else (0, 0, 0, 0, 0)
            for g in group
        ]
    ).reshape(n, 5)
    violence = rng_o.random(n) < prof[:, 0]
    weapon = rng_o.random(n) < prof[:, 1]
    victim = rng_o.random(n) < prof[:, 2]
    extra = rng_o.random(n)
    victims = np.where(victim, 1 + (extra > 0.8) + (extra > 0.93) + (extra > 0.98), 0)
    rel_u = rng_o.random(n)
    rel = np.full(n, None, dtype=object)
    for g in np.unique(group[victim & has].astype(str)):
        mix = np.cumsum(_VICTIM_MIX.get(g, (0.6, 0.4, 0.0, 0.0)))
        m = victim & has & (group == g)
        rel[m] = _VICTIM_CODES[np.searchsorted(mix, rel_u[m] * mix[-1], side="right").clip(max=3)]
    others = rng_o.random(n) < prof[:, 3]
    guilty = np.where(has_index, conv.guilty_plea[idx], False)
    accepts = rng_o.random(n) < np.where(guilty, 0.85, 0.3)
    # A pattern: an earlier conviction (in the window) for the same group.
    same_before = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(has & (previous_in_window > 0)):
        same_before[i] = bool((conv.group[start[i] : idx[i]] == group[i]).any())
    pattern = rng_o.random(n) < np.where(same_before, 0.85, 0.1)
    linked_risk = rng_o.random(n) < prof[:, 4]
    linked_reoffending = rng_o.random(n) < 0.45 + 0.4 * pattern

    def yn(x):
        return np.where(has, np.where(x, "Y", "N"), None).astype(object)

    out.update(
        {
            "index_offence_group": np.where(has, group, None).astype(object),
            "offence_involved_violence": yn(violence),
            "offence_involved_weapon": yn(weapon),
            "offence_victim_count": np.where(has, victims, None).astype(object),
            "offence_victim_relationship": np.where(has, rel, None).astype(object),
            "offence_with_others": yn(others),
            "offence_accepts_responsibility": yn(accepts),
            "offence_part_of_pattern": yn(pattern),
            "offence_linked_to_risk": yn(linked_risk),
            "offence_linked_to_reoffending": yn(linked_reoffending),
        }
    )
    return out


def _needs_sections(ctx, a, is_layer3) -> dict[str, np.ndarray]:
    """Finance (section 5), emotional wellbeing (section 10) and health
    (section 13): items scored 0-2 around a per-person factor, their totals
    and the linked-to-risk / reoffending flags."""
    pop = ctx.pop
    n_pop = len(pop.dob)
    person = a["person"]
    n = len(person)
    custody = a["setting"] == "custody"
    age = age_years(pop.dob[person], a["date"])
    out: dict[str, np.ndarray] = {}

    rng = ctx.rng("oasys:finance")
    latent = rng.normal(0, 1, n_pop)[person] + rng.normal(0, 0.5, n)
    out.update(
        _scored_section(
            rng,
            latent,
            is_layer3,
            "finance",
            {
                "finance_situation_score": 0.40,
                "finance_management_score": 0.30,
                "finance_illegal_earnings_score": 0.18,
                "finance_gambling_score": 0.04,
                "finance_debt_score": 0.30,
                "finance_reliance_on_others_score": 0.15,
            },
            linked={"risk": (0.03, 0.06, 0.8), "reoffending": (0.05, 0.09, 0.9)},
        )
    )

    rng = ctx.rng("oasys:emotional_wellbeing")
    latent = rng.normal(0, 1, n_pop)[person] + rng.normal(0, 0.4, n) + 0.2 * custody
    out.update(
        _scored_section(
            rng,
            latent,
            is_layer3,
            "ewb",
            {
                "ewb_difficulties_coping_score": 0.30,
                "ewb_psychological_problems_score": 0.28,
                "ewb_social_isolation_score": 0.18,
                "ewb_attitude_to_self_score": 0.18,
                "ewb_self_harm_suicide_score": 0.10,
                "ewb_psychiatric_problems_score": 0.08,
                "ewb_psychiatric_treatment_score": 0.12,
            },
            linked={"risk": (0.02, 0.04, 0.7), "reoffending": (0.03, 0.05, 0.8)},
        )
    )

    rng = ctx.rng("oasys:health")
    latent = rng.normal(0, 1, n_pop)[person] + rng.normal(0, 0.4, n) + np.clip(age - 40, 0, 40) / 25
    out.update(
        _scored_section(
            rng,
            latent,
            is_layer3,
            "health",
            {
                "health_physical_condition_score": 0.15,
                "health_disability_score": 0.07,
                "health_treatment_needed_score": 0.12,
            },
        )
    )
    return out


def _scored_section(
    rng, latent, is_layer3, section: str, items: dict[str, float], linked: dict | None = None
) -> dict[str, np.ndarray]:
    """A layer 3 section scored item by item (0-2, around each item's
    prevalence, shifted by the person's ``latent`` need), its total
    (``<section>_total``) and, with ``linked``, its linked-to-risk and
    linked-to-reoffending flags (``<section>_linked_to_<what>``), more
    likely the higher the total: ``{what: (base, per point, cap)}``."""
    n = len(latent)
    out = {
        name: _layer3(_item_scores(rng, np.full(n, base), latent, 0.02), is_layer3)
        for name, base in items.items()
    }
    total = _total(list(out.values()))
    out[f"{section}_total"] = _layer3(total, is_layer3)
    points = np.where(total == None, 0, total).astype(np.int64)  # noqa: E711
    for what, (base, per_point, cap) in (linked or {}).items():
        out[f"{section}_linked_to_{what}"] = _flag(
            rng, np.clip(base + per_point * points, 0, cap), is_layer3
        )
    return out
