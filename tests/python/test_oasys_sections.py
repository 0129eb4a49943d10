"""OASys layer 3 sections (1 offending information, 2 analysis of offences,
5 finance, 10 emotional wellbeing, 13 health) in the raw core_risk extract:
on layer 3 assessments only, and consistent with the person's simulated
history at the assessment date (re-simulated here from the same seed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from conftest import TEST_PEOPLE, TEST_SEED

from datafirst.generator import criminal
from datafirst.generator.config import GeneratorConfig
from datafirst.generator.context import Context
from datafirst.generator.dates import age_years
from datafirst.generator.population import build_population
from datafirst.generator.vocab import Vocab

SECTION_COUNTS = [
    "total_sanctions_count",
    "previous_convictions_count",
    "age_at_first_sanction",
    "age_at_first_conviction",
    "previous_custodial_sentences_count",
    "offending_information_score",
]


@pytest.fixture(scope="module")
def history():
    """The criminal history and population behind the default extract."""
    cfg = GeneratorConfig(people=TEST_PEOPLE, seed=TEST_SEED)
    vocab = Vocab(cfg.seed, cfg.seeds_dir)
    pop = build_population(np.random.default_rng([cfg.seed, 0]), cfg.people, vocab)
    ctx = Context(cfg=cfg, vocab=vocab, pop=pop, writer=None, truth=None)
    return ctx, criminal.simulate(ctx)


@pytest.fixture(scope="module")
def sections(extract, history):
    """The main assessments' rows of core_risk and oasys_set, in the order
    of the simulated assessments (malformed duplicates, appended at the end,
    left out), as dicts of numpy arrays."""
    _, hist = history
    n = len(hist.assessments)
    raw = Path(extract["raw_dir"]) / "oasys"
    core = pq.read_table(raw / "core_risk.parquet").slice(0, n)
    types = pq.read_table(raw / "oasys_set.parquet").slice(0, n)["assessment_type_code"]
    out = {name: np.array(core[name].to_pylist(), dtype=object) for name in core.column_names}
    out["assessment_type_code"] = np.array(types.to_pylist(), dtype=object)
    return out


def _convictions_lower_bound(ctx, hist):
    """Per assessment: convictions on or before its date, counting only
    cases dealt with at the magistrates' court (not appealed) and Crown Court
    trials ending in a conviction (not committals for sentence or appeals):
    a floor for what section 1 must record."""
    mc, mo = hist.mags_cases, hist.mags_offences
    cc, co = hist.crown_cases, hist.crown_offences
    mags_conv = np.zeros(len(mc), dtype=bool)
    np.logical_or.at(mags_conv, mo["case"], mo["convicted"])
    mags_conv &= ~(mc["sent"] | mc["committed"] | mc["appeal"])
    crown_conv = np.zeros(len(cc), dtype=bool)
    standing = co["convicted"] & (co["disposal_type"] != "acquitted")
    np.logical_or.at(crown_conv, co["crown_case"], standing)
    crown_conv &= cc["case_type"] == "T"
    by_person: dict[int, list] = {}
    for person, when in zip(
        np.concatenate([mc["person"][mags_conv], cc["person"][crown_conv]]),
        np.concatenate([mc["disposal_date"][mags_conv], cc["disposal_date"][crown_conv]]),
        strict=True,
    ):
        by_person.setdefault(int(person), []).append(when)
    a = hist.assessments
    upto = np.zeros(len(a), dtype=np.int64)
    for i, (person, when) in enumerate(zip(a["person"], a["date"], strict=True)):
        dates = by_person.get(int(person), [])
        upto[i] = sum(d <= when for d in dates)
    return upto


def test_sections_only_on_layer_3(sections):
    layer3 = sections["assessment_type_code"] == "LAYER3"
    other = sections["assessment_type_code"] == "LAYER1"
    assert layer3.sum() > 500 and other.sum() > 100
    for column in (*SECTION_COUNTS, "finance_total", "ewb_total", "health_total"):
        present = sections[column] != None  # noqa: E711
        assert not present[other].any(), column
        assert present[layer3].mean() > 0.95, column
    for column in ("breach_history", "ewb_linked_to_risk", "finance_linked_to_reoffending"):
        assert set(sections[column][layer3]) <= {"Y", "N"}, column
        assert (sections[column][other] == None).all(), column  # noqa: E711


def test_sanctions_never_fewer_than_the_history_shows(sections, history):
    """Recorded sanctions and convictions are never fewer than the
    convictions in the person's history by the assessment date, less the one
    a recording error may drop; most are at least that many exactly; and a
    sanction count is never none."""
    ctx, hist = history
    floor = _convictions_lower_bound(ctx, hist)
    layer3 = sections["assessment_type_code"] == "LAYER3"
    sanctions = sections["total_sanctions_count"]
    known = layer3 & (sanctions != None)  # noqa: E711
    recorded = sanctions[known].astype(np.int64)
    assert (recorded >= floor[known] - 1).all()
    assert (recorded >= floor[known]).mean() > 0.97
    # The current offence counts, even assessed before its conviction.
    assert (recorded >= 1).all()
    # Previous convictions exclude the current one.
    previous = sections["previous_convictions_count"]
    known = layer3 & (previous != None) & (floor > 0)  # noqa: E711
    assert (previous[known].astype(np.int64) >= floor[known] - 2).all()
    # Some history predates the window: sanctions often exceed the floor.
    assert (recorded > floor[layer3 & (sanctions != None)]).mean() > 0.3  # noqa: E711


def test_ages_at_first_sanction_and_conviction_are_possible(sections, history):
    ctx, hist = history
    a = hist.assessments
    age = age_years(ctx.pop.dob[a["person"]], a["date"])
    for column in ("age_at_first_sanction", "age_at_first_conviction"):
        value = sections[column]
        known = value != None  # noqa: E711
        assert (value[known].astype(np.int64) >= 9).all(), column
        assert (value[known].astype(np.int64) <= age[known] + 1).all(), column
    both = (sections["age_at_first_sanction"] != None) & (  # noqa: E711
        sections["age_at_first_conviction"] != None  # noqa: E711
    )
    sanction = sections["age_at_first_sanction"][both].astype(np.int64)
    conviction = sections["age_at_first_conviction"][both].astype(np.int64)
    # The first sanction comes no later than the first conviction, but for
    # the year a transcription error may add or take away on either.
    assert (sanction <= conviction + 2).all()
    assert (sanction <= conviction).mean() > 0.95


def test_offence_analysis_follows_the_index_offence(sections):
    group = sections["index_offence_group"]
    has = group != None  # noqa: E711
    violent = np.isin(group, ["violence_against_the_person", "robbery"])
    minor = np.isin(group, ["summary_motoring", "drug_offences", "fraud_offences"])
    share = (sections["offence_involved_violence"] == "Y").astype(float)
    assert share[violent].mean() > 0.85
    assert share[minor].mean() < 0.1
    weapons = group == "possession_of_weapons"
    assert (sections["offence_involved_weapon"][weapons] == "Y").all()
    count = sections["offence_victim_count"]
    victims = np.where(count == None, -1, count)  # noqa: E711
    victims = victims.astype(np.int64)
    assert (victims[group == "drug_offences"] == 0).all()
    no_victim = has & (victims == 0)
    assert (sections["offence_victim_relationship"][no_victim] == None).all()  # noqa: E711
    assert set(sections["offence_victim_relationship"][has & (victims > 0)]) <= {
        "STRANGER",
        "KNOWN",
        "PARTNER",
        "FAMILY",
    }


def test_section_totals_add_up_and_stay_in_range(sections):
    layer3 = sections["assessment_type_code"] == "LAYER3"
    for prefix, top in (("finance_", 12), ("ewb_", 14), ("health_", 6)):
        items = [k for k in sections if k.startswith(prefix) and k.endswith("_score")]
        stacked = np.array([sections[k][layer3] for k in items], dtype=object)
        answered = np.where(stacked == None, 0, stacked).astype(np.int64)  # noqa: E711
        assert answered.max() <= 2 and answered.min() >= 0
        total = sections[prefix + "total"][layer3].astype(np.int64)
        assert (total == answered.sum(axis=0)).all(), prefix
        assert total.max() <= top and total.mean() > 0.3, prefix


def test_emotional_wellbeing_is_correlated_within_a_person(sections, history):
    """A person's emotional wellbeing totals at successive assessments
    follow a per-person factor, not fresh draws."""
    _, hist = history
    person = hist.assessments["person"]
    layer3 = sections["assessment_type_code"] == "LAYER3"
    total = np.where(layer3, sections["ewb_total"], None)
    first, second = [], []
    last: dict[int, int] = {}
    for p, t in zip(person, total, strict=True):
        if t is None:
            continue
        if int(p) in last:
            first.append(last[int(p)])
            second.append(int(t))
        last[int(p)] = int(t)
    assert len(first) > 100
    assert np.corrcoef(first, second)[0, 1] > 0.3
