"""The MoJ-DfE share: its PNC and NPD extracts cover only people born after
31 August 1985 and the years 2000-2017, are simulated on random streams of
their own (the justice extracts are byte-identical with or without them),
carry recording errors and their truth, and stay outside the cross-justice
person linkage (registry, linkage specs, dbt lineage)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import TEST_PEOPLE, TEST_SEED

from datafirst import registry
from datafirst.generator import PROFILES, GeneratorConfig, generate
from datafirst.generator import run as generator_run
from datafirst.generator.systems import JUSTICE_SYSTEMS, SHARE_SYSTEMS
from datafirst.linkage import specs

SHARE_SYSTEM_NAMES = {"pnc", "npd"}
SHARE_CODES = {"share_pnc", "share_npd"}


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*.parquet"))
    }


def _not_malformed(system: str, table: str, alias: str = "r") -> str:
    return (
        f"{alias}.file_row_number not in (select row_number from truth_malformed_rows "
        f"where source_system = '{system}' and source_table = '{table}')"
    )


# --- the registry: a kind of its own, outside the cross-justice link ------------


def test_the_share_is_a_kind_of_its_own_with_its_own_access_route():
    share = {d.code: d for d in registry.DATASETS if d.kind == "share"}
    assert set(share) == SHARE_CODES
    assert {d.code for d in registry.SHARE_DATASETS} == SHARE_CODES
    for dataset in share.values():
        assert not dataset.is_linked
        assert dataset.access.held_at == "ONS Secure Research Service (SRS) only"
        assert "Department for Education" in dataset.access.approved_by
        assert "DAGB" not in dataset.access.approved_by.split("(")[0]
    # The justice datasets keep the programme's DAGB route.
    assert all("DAGB" in d.access.approved_by for d in registry.LINKED_DATASETS)


def test_the_share_is_outside_the_probabilistic_linkage_and_its_training():
    linked = set(registry.linked_dataset_codes())
    assert linked == set(registry.dataset_codes()) - SHARE_CODES
    assert len(linked) == 8
    assert not SHARE_CODES & set(specs.CROSS_JUSTICE.datasets)
    assert not SHARE_CODES & set(specs.DEDUPE_MODELS)
    assert not SHARE_CODES & set(specs.ALL_DATASETS)
    assert not SHARE_CODES & set(specs.DATASET_COMPARISONS)
    # The datasets() macro the person records and truth loop over.
    from datafirst.registry.dbt import render_datasets, render_share_datasets

    assert not any(code in render_datasets() for code in SHARE_CODES)
    assert all(f"'code': '{code}'" in render_share_datasets() for code in SHARE_CODES)


def _ancestors(manifest: dict, unique_id: str) -> set[str]:
    parents = manifest["parent_map"]
    seen, todo = set(), [unique_id]
    while todo:
        node = todo.pop()
        for parent in parents.get(node, []):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _touches_share(node_id: str) -> bool:
    name = node_id.split(".")[-1]
    return (
        any(f".{system}." in node_id for system in SHARE_SYSTEM_NAMES)  # sources
        or any(name.startswith(p) for p in ("stg_pnc__", "stg_npd__", "int_pnc_", "int_npd_"))
        or name.startswith("int_share_")
    )


def test_the_share_is_outside_xjs_link_in_the_lineage(manifest):
    for model in ("xjs_link", "int_person_records_unioned", "linkage_person_clusters"):
        node = f"model.datafirst.{model}"
        assert node in manifest["nodes"], model
        touching = sorted(a for a in _ancestors(manifest, node) if _touches_share(a))
        assert touching == [], (model, touching)
    # And the share's link reads the share only: no justice person record.
    link = _ancestors(manifest, "model.datafirst.pnc_npd_link")
    assert "model.datafirst.int_npd_pupils_trusted" in link
    assert "model.datafirst.int_pnc_persons_trusted" in link
    assert not any("person_records" in a or "linkage_person" in a for a in link)


def test_the_share_match_rules_are_declared_once_in_order():
    import csv

    from datafirst.project import SEEDS_DIR

    rows = list(csv.DictReader((SEEDS_DIR / "share_match_rules.csv").open()))
    assert [int(r["rule_order"]) for r in rows] == [1, 2, 3]
    # Stricter first: the exact agreements required never increase.
    exact = [int(r["min_exact_agreements"]) for r in rows]
    assert exact == [5, 4, 3]
    assert rows[0]["requires_close_names"] == "false"
    assert all(r["requires_close_names"] == "true" for r in rows[1:])


# --- the generator ------------------------------------------------------------


def test_the_justice_extracts_are_byte_identical_with_or_without_the_share(
    extract, tmp_path, monkeypatch
):
    monkeypatch.setattr(generator_run, "SHARE_SYSTEMS", ())
    cfg = GeneratorConfig(
        people=TEST_PEOPLE,
        seed=TEST_SEED,
        profile=PROFILES["default"],
        raw_dir=tmp_path / "raw",
        truth_dir=tmp_path / "truth",
    )
    summary = generate(cfg)
    assert not any(t.split(".")[0] in SHARE_SYSTEM_NAMES for t in summary["tables"])
    with_share = _digest(extract["raw_dir"])
    without = _digest(cfg.raw_dir)
    justice = {k: v for k, v in with_share.items() if k.split("/")[0] not in SHARE_SYSTEM_NAMES}
    assert len(justice) == sum(len(m.TABLES) for m in JUSTICE_SYSTEMS)
    assert justice == without
    assert {k.split("/")[0] for k in with_share} - {k.split("/")[0] for k in without} == (
        SHARE_SYSTEM_NAMES
    )
    assert [m.SYSTEM for m in SHARE_SYSTEMS] == ["pnc", "npd"]


def test_pnc_holds_offenders_born_after_august_1985_with_appearances_2000_to_2017(db):
    people, not_criminal, born_before = db.execute(
        """
        select count(*),
               count(*) filter (where not p.is_criminal),
               count(*) filter (where p.date_of_birth <= date '1985-08-31')
        from truth_person_records as t
        inner join truth_people as p using (person_key)
        where t.source_system = 'pnc' and t.source_table = 'persons'
        """
    ).fetchone()
    assert people > 1000
    assert not_criminal == 0
    assert born_before == 0
    first, last, outside = db.execute(
        f"""
        select min(d), max(d), count(*) filter (where d < date '2000-01-01'
                                                 or d > date '2017-12-31')
        from (
            select strptime(r.APPEARANCE_DATE, '%Y%m%d') :: date as d
            from raw_pnc__court_appearances as r
            where {_not_malformed("pnc", "court_appearances")}
        )
        """
    ).fetchone()
    assert outside == 0
    assert first.year >= 2000 and last.year <= 2017
    # Every true offender of the share's cohort with a disposal in the years
    # is in the PNC extract: its people are the cohort's offenders.
    persons = db.execute(
        f"select count(distinct r.PNC_ID) from raw_pnc__persons as r "
        f"where {_not_malformed('pnc', 'persons')}"
    ).fetchone()[0]
    assert persons == pytest.approx(people, rel=0.01)


def test_npd_holds_pupils_born_after_august_1985_at_school_2000_to_2017(db):
    pupils, born_before, too_young = db.execute(
        """
        select count(*),
               count(*) filter (where p.date_of_birth <= date '1985-08-31'),
               count(*) filter (where p.date_of_birth > date '2012-08-31')
        from truth_person_records as t
        inner join truth_people as p using (person_key)
        where t.source_system = 'npd' and t.source_table = 'pupils'
        """
    ).fetchone()
    assert pupils > 1000
    assert born_before == 0
    assert too_young == 0  # not yet at school by 2016/17
    for table, column in (("exclusions", "ExclusionStartDate"),):
        outside = db.execute(
            f"select count(*) from raw_npd__{table} as r where {_not_malformed('npd', table)} "
            f"and ({column} < date '2000-09-01' or {column} > date '2017-08-31')"
        ).fetchone()[0]
        assert outside == 0, table
    for table in ("absence", "attainment"):
        years = db.execute(
            f"select min(AcademicYear), max(AcademicYear) from raw_npd__{table}"
        ).fetchone()
        assert years == ("2000/01", "2016/17"), table
    # Key stage 2 at 11, key stage 4 at 16: in the cohort's years.
    wrong_age = db.execute(
        f"""
        select count(*)
        from raw_npd__attainment as r
        inner join truth_person_records as t
            on t.source_system = 'npd' and t.record_key = r.UPN
        inner join truth_people as p using (person_key)
        where {_not_malformed("npd", "attainment")}
          and cast(left(r.AcademicYear, 4) as integer)
              - (year(p.date_of_birth) - case when month(p.date_of_birth) >= 9 then 0 else 1 end)
              <> case r.KeyStage when 'KS2' then 11 else 16 end
        """
    ).fetchone()[0]
    assert wrong_age == 0


def test_share_extracts_keep_their_own_layouts(db):
    pnc = db.execute(
        "select count(*), count(*) filter (where SURNAME <> upper(SURNAME) "
        "or FORENAMES <> upper(FORENAMES)) from raw_pnc__persons"
    ).fetchone()
    assert pnc[0] > 0 and pnc[1] == 0
    npd_mixed = db.execute(
        "select count(*) filter (where Surname <> upper(Surname)) from raw_npd__pupils"
    ).fetchone()[0]
    assert npd_mixed > 0
    upn_format = db.execute(
        f"select count(*) from raw_npd__pupils as r where {_not_malformed('npd', 'pupils')} "
        "and not regexp_full_match(UPN, '[A-Z][0-9]{12}')"
    ).fetchone()[0]
    assert upn_format == 0


@pytest.mark.parametrize("system", sorted(SHARE_SYSTEM_NAMES))
def test_share_records_carry_recording_errors_logged_in_the_truth(db, system):
    errors = dict(
        db.execute(
            f"select field, count(*) from truth_record_errors "
            f"where source_system = '{system}' group by field"
        ).fetchall()
    )
    assert errors.get("name", 0) > 50
    assert errors.get("date_of_birth", 0) > 10
    assert errors.get("postcode", 0) > 50


# --- the built warehouse: the link, its accuracy, its privacy ----------------

SHARE_MARTS = ("pnc_court_appearances", "npd_attainment", "npd_absence", "npd_exclusions")


def test_the_share_link_is_one_to_one_and_measured_on_the_demo_build(con):
    links, offenders, pupils = con.execute(
        "select count(*), count(distinct offender_id_hash), count(distinct pupil_id_hash) "
        "from marts.pnc_npd_link"
    ).fetchone()
    assert links > 1000
    assert offenders == links and pupils == links
    # Every link joins both sides' published tables.
    joined = con.execute(
        "select count(*) from marts.pnc_npd_link as link "
        "where link.offender_id_hash in "
        "(select offender_id_hash from marts.pnc_court_appearances)"
    ).fetchone()[0]
    assert joined >= 0.99 * links
    rows = {
        (r[0], r[1]): r[2:]
        for r in con.execute(
            "select link_method, rule_bucket, links, precision, recall, true_pairs "
            "from linkage.linkage_share_accuracy"
        ).fetchall()
    }
    deterministic = rows[("deterministic", "all")]
    probabilistic = rows[("probabilistic", "all")]
    assert deterministic[0] == links
    assert deterministic[1] >= 0.99
    # The rules are strict: rule by rule the deterministic link is exact.
    for rule in ("all_five_exact", "four_exact_close", "three_exact_close"):
        assert rows[("deterministic", rule)][1] >= 0.99, rule
    assert rows[("deterministic", "no_rule")][0] == 0
    assert rows[("deterministic", "not_a_candidate")][0] == 0
    # What the deterministic choice costs: the probabilistic yardstick
    # finds more of the same true pairs.
    assert probabilistic[2] > deterministic[2]
    assert deterministic[3] == probabilistic[3] > 1000


def test_share_marts_hold_no_raw_identifier_of_the_share(con):
    """The share's marts are outside xjs_link (no row_id_hash), so the
    justice marts' value scan does not reach them: their values are checked
    here against the share's own raw identifiers."""
    con.execute(
        """
        create or replace temp table share_identifiers as
        select distinct lower(trim(value)) as identifier
        from (
            select pnc_id as value from staging.stg_pnc__persons
            union all select surname from staging.stg_pnc__persons
            union all select forenames from staging.stg_pnc__persons
            union all select postcode from staging.stg_pnc__persons
            union all select upn from staging.stg_npd__pupils
            union all select surname from staging.stg_npd__pupils
            union all select forenames from staging.stg_npd__pupils
            union all select postcode from staging.stg_npd__pupils
            union all select school_urn from staging.stg_npd__pupils
        )
        where value is not null and length(value) > 3
        """
    )
    checked = 0
    for table in (*SHARE_MARTS, "pnc_npd_link"):
        columns = con.execute(
            "select column_name, data_type from information_schema.columns "
            f"where table_schema = 'marts' and table_name = '{table}'"
        ).fetchall()
        for column, data_type in columns:
            if data_type != "VARCHAR":
                continue
            leaks = con.execute(
                f"select count(*) from marts.{table} "
                f"where lower(trim({column})) in (select identifier from share_identifiers)"
            ).fetchone()[0]
            assert leaks == 0, (table, column)
            checked += 1
        names = {c for c, _ in columns}
        assert not names & {"date_of_birth", "upn", "pnc_id", "postcode", "surname"}, table
    assert checked >= 15
