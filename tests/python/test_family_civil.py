"""Family (FamilyMan) and civil (CaseMan, PCOL) simulation and extracts:
missing birth dates by role, organisations never person-linked, truth for
every person party, coverage windows, realistic case structure, layouts and
determinism. Built in isolation from the criminal systems, at a small scale
and a fixed seed."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import duckdb
import numpy as np
import pytest
from conftest import attach_extract

from datafirst.generator import family_civil
from datafirst.generator.civil import transfers
from datafirst.generator.config import COVERAGE, GeneratorConfig
from datafirst.generator.context import Context
from datafirst.generator.dates import age_years
from datafirst.generator.extract import ExtractWriter, TruthLog
from datafirst.generator.population import build_population
from datafirst.generator.systems import caseman, familyman, pcol
from datafirst.generator.vocab import Vocab

PEOPLE = 3000
SEED = 11
SYSTEMS = (familyman, caseman, pcol)


def _build(folder: Path, people: int = PEOPLE, seed: int = SEED) -> dict:
    """Make a context as run.py does, simulate family and civil cases and
    write the three systems' extracts and the truth."""
    cfg = GeneratorConfig(people=people, seed=seed, raw_dir=folder / "raw",
                          truth_dir=folder / "truth")  # fmt: skip
    vocab = Vocab(cfg.seed, cfg.seeds_dir)
    pop = build_population(np.random.default_rng([cfg.seed, 0]), cfg.people, vocab)
    truth = TruthLog()
    writer = ExtractWriter(cfg.raw_dir, truth, np.random.default_rng([cfg.seed, 1]),
                           cfg.profile.malformed_row_share)  # fmt: skip
    ctx = Context(cfg=cfg, vocab=vocab, pop=pop, writer=writer, truth=truth)
    sim = family_civil.simulate(ctx)
    for module in SYSTEMS:
        module.write(ctx, None, sim)
    truth.write(cfg.truth_dir)
    return {"ctx": ctx, "sim": sim, "raw_dir": cfg.raw_dir, "truth_dir": cfg.truth_dir}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    return _build(tmp_path_factory.mktemp("family_civil"))


@pytest.fixture()
def con(built):
    db = duckdb.connect()
    attach_extract(db, built)
    db.execute(
        "create view roles as select * from "
        f"read_csv('{built['ctx'].cfg.seeds_dir / 'party_roles.csv'}', all_varchar = true)"
    )
    yield db
    db.close()


def _clean(table: str) -> str:
    """Rows of a raw table that were not malformed on purpose."""
    system, name = table.split("__")
    return f"""(select * from raw_{table} where file_row_number not in (
        select row_number from truth_malformed_rows
        where source_system = '{system}' and source_table = '{name}'))"""


# --- missing birth dates -----------------------------------------------------------


def test_familyman_misses_birth_dates_by_role(con):
    rows = dict(con.execute(f"""
        select r.party_category, avg(case when p.date_of_birth is null then 1.0 else 0 end)
        from {_clean("familyman__parties")} as p
        inner join roles as r on r.source_system = 'familyman' and r.role_code = p.role_code
        where p.party_type = 'person'
        group by 1
        """).fetchall())  # fmt: skip
    overall = con.execute(f"""
        select avg(case when date_of_birth is null then 1.0 else 0 end)
        from {_clean("familyman__parties")} where party_type = 'person'
        """).fetchone()[0]  # fmt: skip
    assert overall >= 0.30
    assert rows["respondent"] > rows["applicant"] + 0.15
    assert rows["child"] < rows["applicant"]
    assert rows["other"] > 0.4


def test_civil_parties_rarely_have_a_birth_date(con):
    for table in ("caseman__parties", "pcol__parties"):
        share = con.execute(f"""
            select avg(case when date_of_birth is null then 1.0 else 0 end)
            from {_clean(table)} where party_type = 'individual'
            """).fetchone()[0]  # fmt: skip
        assert 0.75 < share < 0.97, table


# --- truth: persons and organisations ----------------------------------------------


@pytest.mark.parametrize(
    "table,org_type",
    [("familyman__parties", "organisation"), ("caseman__parties", "company"),
     ("pcol__parties", "company")],
)  # fmt: skip
def test_organisations_exist_and_are_never_person_records(con, table, org_type):
    system, name = table.split("__")
    key = {"familyman": "party_id", "caseman": "party_id", "pcol": "party_id"}[system]
    orgs, linked = con.execute(f"""
        select count(*), count(pr.record_key)
        from {_clean(table)} as p
        left join truth_person_records as pr
            on pr.source_system = '{system}' and pr.source_table = '{name}'
            and pr.record_key = cast(p.{key} as varchar)
        where p.party_type = '{org_type}'
        """).fetchone()  # fmt: skip
    assert orgs > 20
    assert linked == 0


@pytest.mark.parametrize("table", ["familyman__parties", "caseman__parties", "pcol__parties"])
def test_every_person_party_has_exactly_one_truth_record(con, table):
    system, name = table.split("__")
    person_type = "person" if system == "familyman" else "individual"
    counts = con.execute(f"""
        select p.party_id, count(pr.record_key)
        from {_clean(table)} as p
        left join truth_person_records as pr
            on pr.source_system = '{system}' and pr.source_table = '{name}'
            and pr.record_key = cast(p.party_id as varchar)
        where p.party_type = '{person_type}' and p.party_id is not null
        group by p.party_id
        """).fetchall()  # fmt: skip
    assert len(counts) > 100
    assert Counter(n for _, n in counts) == {1: len(counts)}
    truth_keys, distinct = con.execute(f"""
        select count(*), count(distinct record_key) from truth_person_records
        where source_system = '{system}' and source_table = '{name}'
        """).fetchone()  # fmt: skip
    assert truth_keys == distinct


def test_truth_names_the_person_behind_each_party(built):
    """Person records point at the simulated person of each party row (the
    parties of a claim CaseMan received from PCOL are recorded twice)."""
    ctx, sim = built["ctx"], built["sim"]
    persons = int((sim.family_parties["person"] >= 0).sum())
    civil = sum(int((s.parties["person"] >= 0).sum()) for s in (sim.caseman, sim.pcol))
    moved = np.isin(sim.pcol.parties["claim"], transfers(ctx, sim.pcol)["claim"])
    civil += int((sim.pcol.parties["person"][moved] >= 0).sum())
    truth = ctx.truth.tables["person_records"]
    systems = np.concatenate(truth["source_system"])
    assert (systems == "familyman").sum() == persons
    assert np.isin(systems, ["caseman", "pcol"]).sum() == civil


# --- who the parties are ---------------------------------------------------------


def test_children_are_under_18_at_issue(built):
    ctx, sim = built["ctx"], built["sim"]
    pop, cases, parties = ctx.pop, sim.family_cases, sim.family_parties
    child = parties["role"] == "CHI"
    who = parties["person"][child]
    issue = cases["issue_date"][parties["case"][child]]
    assert child.sum() > 50
    assert pop.is_child[who].all()
    assert (pop.dob[who] <= issue).all()
    assert (age_years(pop.dob[who], issue) < 18).all()
    # Adults on family cases are adults from the population.
    adult = (parties["person"] >= 0) & ~child
    assert not pop.is_child[parties["person"][adult]].any()


def test_family_cases_have_the_parties_of_their_kind(built):
    sim = built["sim"]
    cases, p = sim.family_cases, sim.family_parties
    roles_of = {}
    for case, role in zip(p["case"], p["role"], strict=True):
        roles_of.setdefault(case, []).append(role)
    law = cases["law_type"]
    assert set(law) == {"public_law", "private_law", "divorce", "family_law_act", "adoption"}
    for case in np.flatnonzero(law == "public_law"):
        roles = roles_of[case]
        assert roles.count("LA") == 1 and "RES" in roles and 1 <= roles.count("CHI") <= 4
    for case in np.flatnonzero(law == "divorce"):
        roles = roles_of[case]
        assert roles.count("PET") == 1 and roles.count("RES") == 1
    for case in np.flatnonzero(cases["case_type_code"] == "ADAO"):
        roles = roles_of[case]
        assert "ADP" in roles and roles.count("CHI") == 1
    for case in np.flatnonzero(law == "family_law_act"):
        assert sorted(roles_of[case]) == ["APP", "RES"]
    # The local authority is an organisation named as a council.
    la = p["role"] == "LA"
    assert (p["person"][la] == -1).all()
    assert all("Council" in n or "Borough" in n or "Corporation" in n for n in p["org_name"][la])


def test_people_return_to_court_and_cross_domains(built):
    ctx, sim = built["ctx"], built["sim"]
    pop = ctx.pop
    fam = sim.family_parties
    fam_people = fam["person"][fam["person"] >= 0]
    per_person = Counter(fam_people.tolist())
    assert sum(n >= 2 for n in per_person.values()) > 0.15 * len(per_person)
    fla = (fam["role"] == "RES") & (sim.family_cases["law_type"][fam["case"]] == "family_law_act")
    assert pop.is_criminal[fam["person"][fla]].mean() > pop.is_criminal[~pop.is_child].mean()
    defendants = np.concatenate([
        s.parties["person"][(s.parties["role"] == "defendant") & (s.parties["person"] >= 0)]
        for s in (sim.caseman, sim.pcol)
    ])  # fmt: skip
    repeat = Counter(defendants.tolist())
    assert sum(n >= 2 for n in repeat.values()) > 0.05 * len(repeat)
    assert pop.is_criminal[defendants].mean() > 0.2
    assert np.isin(defendants, fam_people).any()
    assert not pop.is_child[defendants].any()


# --- coverage windows ------------------------------------------------------------


def test_family_cases_are_active_in_the_coverage_window(built):
    cases = built["sim"].family_cases
    lo, hi = (np.datetime64(d) for d in COVERAGE["familyman"])
    closed = cases["closed_date"]
    assert (cases["issue_date"] <= hi).all()
    assert (np.isnat(closed) | ((closed >= lo) & (closed <= hi))).all()
    assert (np.isnat(closed) | (closed >= cases["issue_date"])).all()
    assert (cases["issue_date"] < lo).any()  # issued earlier, still active in 2011
    assert np.isnat(closed).any()  # open at the extract


def test_civil_claims_start_in_the_coverage_window(built):
    lo, hi = (np.datetime64(d) for d in COVERAGE["caseman"])
    for sim in (built["sim"].caseman, built["sim"].pcol):
        issue = sim.claims["issue_date"]
        assert (issue >= lo).all() and (issue <= hi).all()
        assert (sim.events["event_date"] <= hi).all()
        assert (sim.events["event_date"] >= issue[sim.events["claim"]]).all()
        assert (sim.judgments["judgment_date"] >= issue[sim.judgments["claim"]]).all()
        assert (sim.warrants["issue_date"] <= hi).all()


# --- layouts and codes -----------------------------------------------------------


def test_case_numbers_and_text_dates_follow_each_layout(con):
    fam = con.execute(f"select case_number, issue_date from {_clean('familyman__cases')}")
    for number, issue in fam.fetchall():
        assert re.fullmatch(r"[A-Z]{2}\d{2}[CPDFA]\d{5}", number), number
        assert re.fullmatch(r"(19|20)\d{6}", issue), issue
        assert number[2:4] == issue[2:4]
    cm = con.execute(f"select case_number, issue_date from {_clean('caseman__cases')}")
    for number, issue in cm.fetchall():
        assert re.fullmatch(r"\d[A-Z]{2}\d{5}", number), number
        assert re.fullmatch(r"\d{2}/\d{2}/20\d{2}", issue), issue
        assert number[0] == issue[-1]
    types = dict(con.execute("""
        select column_name, column_type from (describe select * from raw_pcol__claims)
        """).fetchall())  # fmt: skip
    assert types["issue_date"] == "DATE"


def test_codes_come_from_the_seeds(con, built):
    seeds = built["ctx"].cfg.seeds_dir
    checks = [
        ("familyman__cases", "case_type_code", "family_case_types", "case_type_code", ""),
        ("familyman__cases", "order_type_code", "family_order_types", "order_type_code", ""),
        ("familyman__parties", "role_code", "party_roles", "role_code", "familyman"),
        ("caseman__case_events", "event_code", "civil_event_types", "event_code", "caseman"),
        ("caseman__hearings", "hearing_type_code", "hearing_types", "hearing_type_code",
         "caseman"),
        ("caseman__judgments", "judgment_type_code", "civil_judgment_types",
         "judgment_type_code", "caseman"),
        ("pcol__claims", "claim_type_code", "civil_case_types", "case_type_code", "pcol"),
        ("pcol__claim_events", "event_type_code", "civil_event_types", "event_code", "pcol"),
        ("pcol__warrants", "warrant_type_code", "civil_warrant_types", "warrant_type_code",
         "pcol"),
        ("pcol__parties", "party_role_code", "party_roles", "role_code", "pcol"),
    ]  # fmt: skip
    for table, col, seed, seed_col, system in checks:
        where = f"where source_system = '{system}'" if system else ""
        unknown = con.execute(f"""
            select count(*), count(distinct t.{col}) from {_clean(table)} as t
            where t.{col} is not null and t.{col} not in (
                select {seed_col} from read_csv('{seeds / (seed + '.csv')}', all_varchar = true)
                {where})
            """).fetchone()  # fmt: skip
        used = con.execute(f"select count(distinct {col}) from {_clean(table)}").fetchone()[0]
        assert unknown[0] == 0, (table, col)
        assert used >= (1 if table == "pcol__warrants" else 2), (table, col)


def test_party_names_follow_each_system_layout(con):
    caseman_names = [r[0] for r in con.execute(f"""
        select name from {_clean("caseman__parties")} where party_type = 'individual'
        """).fetchall()]  # fmt: skip
    titled = sum(bool(re.match(r"^(Mr|Mrs|Ms|Miss|MR|MRS|MS|MISS) ", n)) for n in caseman_names)
    upper_surname = sum(n.split()[-1].isupper() for n in caseman_names)
    assert titled / len(caseman_names) > 0.6
    assert upper_surname / len(caseman_names) > 0.6
    pcol_rows = con.execute(f"""
        select party_type, count(*), count(forename), count(surname), count(organisation_name)
        from {_clean("pcol__parties")} group by 1
        """).fetchall()  # fmt: skip
    by_type = {r[0]: r[1:] for r in pcol_rows}
    n, fore, sur, org = by_type["individual"]
    assert fore == n and sur == n and org == 0
    n, fore, sur, org = by_type["company"]
    assert fore == 0 and org == n
    fam = con.execute(f"""
        select count(*) filter (where forenames like '% %'), count(*)
        from {_clean("familyman__parties")} where party_type = 'person'
        """).fetchone()  # fmt: skip
    assert fam[0] / fam[1] > 0.2  # forename and middle names share one field


def test_child_tables_refer_to_existing_cases(con):
    for child, parent, key in (
        ("caseman__case_events", "caseman__cases", "case_number"),
        ("caseman__hearings", "caseman__cases", "case_number"),
        ("caseman__judgments", "caseman__cases", "case_number"),
        ("caseman__warrants", "caseman__cases", "case_number"),
        ("caseman__parties", "caseman__cases", "case_number"),
        ("pcol__claim_events", "pcol__claims", "claim_number"),
        ("pcol__hearings", "pcol__claims", "claim_number"),
        ("pcol__judgments", "pcol__claims", "claim_number"),
        ("pcol__warrants", "pcol__claims", "claim_number"),
        ("pcol__parties", "pcol__claims", "claim_number"),
        ("familyman__parties", "familyman__cases", "case_number"),
    ):
        system, table = parent.split("__")
        # A parent whose key was nulled on purpose is still known to the truth.
        rows, dangling = con.execute(f"""
            select count(*), count(*) filter (where {key} not in (
                select {key} from raw_{parent} where {key} is not null
                union all
                select record_key from truth_malformed_rows
                where source_system = '{system}' and source_table = '{table}'))
            from {_clean(child)}
            """).fetchone()  # fmt: skip
        assert rows > 0, child
        assert dangling == 0, child


def test_civil_flows_are_realistic(built):
    cm, pc = built["sim"].caseman, built["sim"].pcol
    # Most money claims are undefended and end in default judgment.
    judgments = Counter(cm.judgments["judgment_type_code"])
    assert judgments.most_common(1)[0][0] == "DEF"
    # Every possession claim that was not decided on paper has a hearing.
    paper = set(pc.events["claim"][pc.events["event_code"] == "ACPO"].tolist())
    possession = set(np.flatnonzero(pc.claims["category"] == "possession").tolist())
    heard = set(pc.hearings["claim"].tolist())
    assert possession - paper - heard == set()
    # Possession warrants follow possession orders.
    ordered = set(pc.judgments["claim"].tolist())
    assert set(pc.warrants["claim"][pc.warrants["warrant_type_code"] == "WOP"].tolist()) <= ordered
    # Companies bring most claims; a few bulk claimants bring many.
    claimants = cm.parties["company_name"][cm.parties["role"] == "claimant"]
    top = Counter(x for x in claimants if x is not None).most_common(1)[0][1]
    assert (cm.parties["party_type"][cm.parties["role"] == "claimant"] == "company").mean() > 0.7
    assert top > 10
    amounts = cm.claims["amount"][cm.claims["category"] == "money"]
    assert 500 < np.nanmedian(amounts) < 5000


# --- determinism and scale --------------------------------------------------------


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.parquet"))
    }


def test_same_seed_gives_identical_bytes(built, tmp_path):
    again = _build(tmp_path)
    assert _digest(built["raw_dir"]) == _digest(again["raw_dir"])
    assert _digest(built["truth_dir"]) == _digest(again["truth_dir"])
    assert len(_digest(built["raw_dir"])) == sum(len(m.TABLES) for m in SYSTEMS)


def test_tiny_population_works(tmp_path):
    tiny = _build(tmp_path, people=300, seed=3)
    for module in SYSTEMS:
        for spec in module.TABLES:
            assert (tiny["raw_dir"] / spec.system / f"{spec.table}.parquet").exists()


# --- possession claims moved from PCOL to CaseMan -----------------------------------


def test_pcol_claims_moved_to_caseman_continue_there(con):
    """Each PCOL claim with a transfer event that CaseMan opened by the
    extract date is a CaseMan case received from PCOL: opened after the PCOL
    issue date, at the same court, with the same parties (the same people,
    by the truth) and the claim number carried over exactly for most."""
    moved = con.execute(f"""
        select t.case_number, t.claim_number, t.reference_recorded,
               c.pcol_claim_number, c.received_from, c.court_code,
               strptime(c.issue_date, '%d/%m/%Y')::date as opened,
               p.issue_date as pcol_issued, p.court_code as pcol_court
        from truth_caseman_pcol_cases as t
        join {_clean("caseman__cases")} as c on c.case_number = t.case_number
        join {_clean("pcol__claims")} as p on p.claim_number = t.claim_number
        """).fetchall()  # fmt: skip
    assert len(moved) >= 5
    for _, claim, ref, carried, source, court, opened, issued, pcol_court in moved:
        assert source == "PCOL"
        assert opened > issued
        assert court == pcol_court
        assert (carried == claim) == (ref == "exact")
        assert (carried is None) == (ref == "missing")
    transferred = con.execute("""
        select count(distinct claim_number) from raw_pcol__claim_events
        where event_type_code = 'XFER'
        """).fetchone()[0]  # fmt: skip
    assert len(moved) <= transferred
    # The same people on both sides.
    same = con.execute("""
        select count(*), count(*) filter (where cm.person_key = pc.person_key)
        from truth_caseman_pcol_cases as t
        join raw_caseman__parties as cp on cp.case_number = t.case_number
        join raw_pcol__parties as pp on pp.claim_number = t.claim_number
            and pp.party_number = cp.party_number
            and (pp.party_role_code = 'DEF') = (cp.party_role_code = 'DEFENDANT')
        join truth_person_records as cm on cm.source_system = 'caseman'
            and cm.record_key = cp.party_id
        join truth_person_records as pc on pc.source_system = 'pcol'
            and pc.record_key = cast(pp.party_id as varchar)
        """).fetchone()  # fmt: skip
    assert same[0] > 0 and same[0] == same[1]
    # Cases issued at the county court carry no PCOL reference.
    assert con.execute("""
        select count(*) from raw_caseman__cases
        where received_from is null and pcol_claim_number is not null
        """).fetchone()[0] == 0  # fmt: skip


def test_pcol_claimants_are_mostly_represented_defendants_rarely(con):
    shares = dict(con.execute("""
        select party_role_code, avg(is_represented::int) from raw_pcol__parties
        group by party_role_code
        """).fetchall())  # fmt: skip
    assert shares["CLM"] > 0.75
    assert shares["DEF"] < 0.2


def test_caseman_has_bankruptcy_work_debtor_petitions_only_before_april_2016(con):
    """Creditors' petitions and set-aside applications throughout, debtors'
    petitions only before they moved online (6 April 2016); each starts
    with its petition or application and most end in an order or
    dismissal; they have no parties in the extract."""
    rows = con.execute(f"""
        select c.case_type_code, strptime(c.issue_date, '%d/%m/%Y')::date as issued,
               list(e.event_code order by e.event_sequence) as codes
        from {_clean("caseman__cases")} as c
        join raw_caseman__case_events as e on e.case_number = c.case_number
        where c.case_type_code in ('CBP', 'DBP', 'SSD')
        group by all
        """).fetchall()  # fmt: skip
    kinds = Counter(r[0] for r in rows)
    assert kinds["DBP"] > 0 and kinds["CBP"] > 0
    for ctype, issued, codes in rows:
        assert codes[0] == ("201" if ctype == "SSD" else "200")
        if ctype == "DBP":
            assert str(issued) < "2016-04-06"
    decided = sum(bool({"210", "211", "212", "220", "221"} & set(codes)) for *_, codes in rows)
    assert decided >= 0.8 * len(rows)
    assert con.execute("""
        select count(*) from raw_caseman__parties as p join raw_caseman__cases as c
            on c.case_number = p.case_number
        where c.case_type_code in ('CBP', 'DBP', 'SSD')
        """).fetchone()[0] == 0  # fmt: skip


def test_extra_rows_leave_the_rows_before_them_and_their_malformations_alone(tmp_path):
    """Rows a table gains later (ExtractWriter.write's extras) are malformed
    from their own stream and logged at their own row numbers: the rows
    before them, their malformations and the writer's stream are as they
    were without them."""
    import pyarrow.parquet as pq

    from datafirst.registry.caseman import CASES

    def data(k, start):
        return {
            "case_number": np.array([f"2LS{start + i:05d}" for i in range(k)], dtype=object),
            "case_type_code": np.full(k, "SPC", dtype=object),
            "court_code": np.full(k, "CLS", dtype=object),
            "issue_date": np.full(k, "01/02/2015", dtype=object),
            "amount_claimed": np.full(k, 100.0),
            "court_fee": np.full(k, 35.0),
            "track_code": np.full(k, None, dtype=object),
            "received_from": np.full(k, None, dtype=object),
            "pcol_claim_number": np.full(k, None, dtype=object),
        }

    runs = {}
    for name, extras in (("plain", []), ("extra", [(data(50, 80_000), np.random.default_rng(5))])):
        truth = TruthLog()
        writer = ExtractWriter(tmp_path / name, truth, np.random.default_rng(1), 0.2)
        writer.write(CASES, data(200, 1), extras=extras)
        runs[name] = (
            pq.read_table(tmp_path / name / "caseman" / "cases.parquet"),
            truth.tables["malformed_rows"],
            writer.rng.random(),
        )
    plain, extra = runs["plain"], runs["extra"]
    assert extra[0].slice(0, plain[0].num_rows).equals(plain[0])
    assert extra[0].num_rows >= plain[0].num_rows + 50
    rows_plain = np.concatenate(plain[1]["row_number"])
    rows_extra = np.concatenate(extra[1]["row_number"])
    assert rows_extra[: len(rows_plain)].tolist() == rows_plain.tolist()
    assert (rows_extra[len(rows_plain) :] >= plain[0].num_rows).all()
    assert len(rows_extra) > len(rows_plain)
    assert extra[2] == plain[2]
