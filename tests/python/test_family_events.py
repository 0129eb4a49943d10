"""FamilyMan case events and divorce details: events in a consistent order
within each case, applications, hearings and interim orders where the case
type has them, divorce facts, joint applications and dates of marriage as
the law allows, and the older extracts left byte-identical by them."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import numpy as np
import pytest
from test_family_civil import SYSTEMS, _build

from datafirst.generator.dates import d64
from datafirst.generator.family import CARE_26_WEEKS, FAMILY_TO, NO_FAULT_DIVORCE
from datafirst.generator.family_events import (
    EVENT_CODES,
    FACT_MIN_YEARS,
    FURTHER_APPLICATIONS,
    INTERIM_ORDERS,
    simulate_events,
)
from datafirst.generator.systems import familyman

PEOPLE = 20_000
SEED = 5


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = _build(tmp_path_factory.mktemp("family_events"), people=PEOPLE, seed=SEED)
    out["fe"] = simulate_events(out["ctx"], out["sim"].family_cases, out["sim"].family_parties)
    return out


@pytest.fixture()
def con(built):
    db = duckdb.connect()
    raw = built["raw_dir"] / "familyman"
    for table in ("cases", "events", "divorce"):
        db.execute(f"create view {table} as select * from '{raw / table}.parquet'")
    db.execute(
        "create view malformed as select * from "
        f"'{built['truth_dir'] / 'malformed_rows.parquet'}' where source_system = 'familyman'"
    )
    yield db
    db.close()


def test_the_extract_holds_every_event_and_matrimonial_record(built, con):
    fe = built["fe"]
    for table, rows in (("events", len(fe.events["case"])), ("divorce", len(fe.divorce["case"]))):
        (held, dup) = con.execute(f"""
            select (select count(*) from {table}), (select count(*) from malformed
            where source_table = '{table}' and malformation = 'duplicate_key')""").fetchone()
        assert held == rows + dup, table
    # Matrimonial records belong to divorce case numbers ('D' after the year).
    (other,) = con.execute("""
        select count(*) from divorce where case_number not in (select case_number from cases
        where case_type_code like 'DIV%') and case_number is not null""").fetchone()
    assert other == 0


def test_every_case_starts_with_its_issue_and_first_application(built):
    cases, ev = built["sim"].family_cases, built["fe"].events
    first = np.r_[True, ev["case"][1:] != ev["case"][:-1]]
    assert np.array_equal(ev["case"][first], np.arange(len(cases["case"])))
    assert (ev["event_code"][first] == "ISS").all()
    second = np.flatnonzero(first) + 1
    assert (ev["event_code"][second] == "APP").all()
    assert (ev["application_type_code"][second] == cases["case_type_code"]).all()
    assert (ev["event_date"][first] == cases["issue_date"]).all()


def test_events_fall_between_issue_and_closure_in_date_order(built):
    cases, ev = built["sim"].family_cases, built["fe"].events
    c = ev["case"]
    end = np.where(np.isnat(cases["closed_date"]), FAMILY_TO, cases["closed_date"])
    assert (ev["event_date"] >= cases["issue_date"][c]).all()
    assert (ev["event_date"] <= end[c]).all()
    same_case = c[1:] == c[:-1]
    assert (ev["event_date"][1:][same_case] >= ev["event_date"][:-1][same_case]).all()
    # A closed case ends with its closure; the final order, when made, on the day.
    last = np.r_[~same_case, True]
    closed = ~np.isnat(cases["closed_date"])
    assert (ev["event_code"][last] == np.where(closed, "CLS", ev["event_code"][last])).all()
    fom = ev["event_code"] == "FOM"
    assert (ev["event_date"][fom] == cases["closed_date"][c[fom]]).all()
    assert (ev["order_type_code"][fom] == cases["order_type_code"][c[fom]]).all()
    assert fom.sum() == (closed & (cases["order_type_code"] != "")).sum()


def test_further_applications_are_of_another_kind(built):
    cases, ev = built["sim"].family_cases, built["fe"].events
    app = np.flatnonzero(ev["event_code"] == "APP")
    per_case = np.bincount(ev["case"][app], minlength=len(cases["case"]))
    assert (per_case >= 1).all()
    for law in FURTHER_APPLICATIONS:
        share = (per_case[cases["law_type"] == law] > 1).mean()
        assert 0.05 < share < 0.45, (law, share)  # FLA cases are short
    assert (per_case[np.isin(cases["law_type"], ["divorce", "adoption"])] == 1).all()
    first = np.r_[True, ev["case"][app][1:] != ev["case"][app][:-1]]
    further = app[~first]
    assert (
        ev["application_type_code"][further] != cases["case_type_code"][ev["case"][further]]
    ).all()


def test_hearings_and_interim_orders_follow_the_case_type(built):
    cases, ev = built["sim"].family_cases, built["fe"].events
    n = len(cases["case"])
    code, c = ev["event_code"], ev["case"]
    held = np.bincount(c[code == "HHD"], minlength=n)
    law = cases["law_type"]
    closed = ~np.isnat(cases["closed_date"])
    care = (cases["case_type_code"] == "PLCO") & closed
    assert np.median(held[care]) >= 3
    assert (held[law == "divorce"] == 0).mean() > 0.9
    # Every hearing held or vacated was listed first.
    assert np.bincount(c[code == "HLS"], minlength=n).sum() >= (np.isin(code, ["HHD", "HVC"]).sum())
    iom = code == "IOM"
    with_interim = set(INTERIM_ORDERS) | {"FLANM", "FLAOC"}
    assert np.isin(cases["case_type_code"][c[iom]], list(with_interim)).all()
    # Renewed interim care orders: several per case only before April 2014.
    ico = np.bincount(c[iom & (ev["order_type_code"] == "ICO")], minlength=n)
    late = cases["issue_date"] >= CARE_26_WEEKS
    assert (ico[late] <= 1).all()
    assert (ico[~late] > 1).any()


def test_divorce_facts_and_joint_applications_follow_the_law(built):
    cases, dv = built["sim"].family_cases, built["fe"].divorce
    issue = cases["issue_date"][dv["case"]]
    fault = issue < NO_FAULT_DIVORCE
    nullity = cases["case_type_code"][dv["case"]] == "DIVNL"
    fact = dv["fact_code"]
    assert (fact[~fault & ~nullity] == "IRB").all()
    assert (fact[nullity] == "").all()
    pre = fact[fault & ~nullity]
    assert set(pre) <= {"ADU", "BEH", "DES", "SEP2", "SEP5"}
    assert np.isin(pre, ["BEH", "ADU"]).mean() > 0.5
    assert (pre == "BEH").mean() > (pre == "ADU").mean()
    assert not dv["joint"][fault].any()
    # Adultery petitions name the co-respondent.
    p = built["sim"].family_parties
    co = np.isin(dv["case"], p["case"][p["role"] == "CORES"]) & fault & ~nullity
    assert (fact[co] == "ADU").all()


def test_marriages_last_as_long_as_the_fact_needs(built):
    cases, dv = built["sim"].family_cases, built["fe"].divorce
    married = dv["marriage_date"]
    keyed = ~np.isnat(married)
    assert 0.9 < keyed.mean() < 1.0
    years_married = (cases["issue_date"][dv["case"]] - married).astype(np.int64) / 365.25
    assert (years_married[keyed] >= 1).all()
    for fact, least in FACT_MIN_YEARS.items():
        sel = keyed & (dv["fact_code"] == fact)
        assert (years_married[sel] >= least - 0.01).all(), fact
    # About 12 years in England and Wales; the simulated couples are young.
    assert 5 < np.median(years_married[keyed]) < 16
    assert (married[keyed] >= d64("1950-01-01")).all()


def test_decree_nisi_comes_six_weeks_before_the_decree_absolute(built):
    cases, ev = built["sim"].family_cases, built["fe"].events
    dnp = ev["event_code"] == "DNP"
    c = ev["case"][dnp]
    assert (cases["law_type"][c] == "divorce").all()
    assert (cases["case_type_code"][c] != "DIVJS").all()
    closed = cases["closed_date"][c]
    has_da = ~np.isnat(closed)
    assert ((closed[has_da] - ev["event_date"][dnp][has_da]).astype(np.int64) >= 43).all()
    renamed = ev["event_date"][dnp] >= NO_FAULT_DIVORCE
    assert (ev["order_type_code"][dnp] == np.where(renamed, "CNO", "DNI")).all()


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.parquet"))
    }


def test_events_leave_the_older_extracts_byte_identical(built, tmp_path, monkeypatch):
    """Without the events and divorce tables, every other file is the same:
    their draws and their malformed rows come from streams of their own."""
    monkeypatch.setattr(familyman, "_write_events_and_divorce", lambda *args: None)
    without = _build(tmp_path, people=PEOPLE, seed=SEED)
    with_events = _digests(built["raw_dir"])
    old = _digests(without["raw_dir"])
    assert set(with_events) - set(old) == {"familyman/events.parquet", "familyman/divorce.parquet"}
    assert {k: with_events[k] for k in old} == old
    assert len(SYSTEMS) == 3


def test_a_days_events_are_keyed_in_the_order_the_catalogue_sequences_them():
    """The mart orders a case's events of one day by the seed's order_on_day;
    the generator keys them in EVENT_CODES order: the two must agree."""
    seed = Path(__file__).parents[2] / "seeds" / "family_event_types.csv"
    with seed.open() as f:
        rows = list(csv.DictReader(f))
    by_order = [r["event_code"] for r in sorted(rows, key=lambda r: int(r["order_on_day"]))]
    assert tuple(by_order) == EVENT_CODES
