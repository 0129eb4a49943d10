"""The research release: its own file of marts, linking tables, lookups and a
manifest, and nothing else; published only from a passing build, atomically
(a failed or interrupted rebuild leaves the previous release byte-identical
and says so); a manifest naming the extract, code, key, linkage quality and
disclosure risk; and a coarse release that achieves the disclosure risk the
build measured for it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import PSEUDONYMISATION_KEY

from datafirst import registry
from datafirst.extracts import read_manifest, write_manifest
from datafirst.project import PROJECT_ROOT, Dbt, dbt_vars
from datafirst.release import ReleaseError, current, publish, publisher, record_path
from datafirst.release.build import (
    BuildRecord,
    Interrupted,
    code_version,
    hash_extracts,
    now,
    record_build,
)
from datafirst.warehouse.pseudonymisation import DEMO_KEY, key_fingerprint

MARTS = {name for name, _ in registry.published_tables()}
SEEDS = {p.stem for p in (PROJECT_ROOT / "seeds").glob("*.csv")}
MANIFEST_TABLES = {
    "release_manifest",
    "release_extracts",
    "release_tables",
    "release_linkage_evaluation",
    "release_disclosure_risk",
}


def snapshot(link: Path) -> dict[str, str]:
    """Where the release link points and the SHA-256 of every file there."""
    folder = current(link)
    assert folder is not None
    files = {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
    return {"->": os.readlink(link), **files}


def release_dbt(warehouse, link: Path, **env: str) -> Dbt:
    return Dbt({**warehouse.env, "DATAFIRST_RELEASE_DIR": str(link), **env})


@pytest.fixture(scope="module")
def build_record(warehouse) -> BuildRecord:
    """The record of the session's passing build, as ``make build`` writes it."""
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-3000:]
    return record_build(
        warehouse.cli,
        warehouse.build.returncode,
        now(),
        hash_extracts(warehouse.raw_dir),
        code_version(),
        run_results=warehouse.build_results,
    )


@pytest.fixture(scope="module")
def released(warehouse, build_record, tmp_path_factory):
    """A fine release of the session's build, and its link."""
    link = tmp_path_factory.mktemp("published") / "release"
    release = publish(release_dbt(warehouse, link), build_record)
    return release, link


@pytest.fixture()
def release_con(released):
    con = duckdb.connect(str(released[1] / "datafirst_release.duckdb"), read_only=True)
    yield con
    con.close()


# --- what a release holds ------------------------------------------------------------


def test_the_release_holds_the_marts_lookups_and_manifest_and_nothing_else(
    released, release_con, warehouse
):
    release, link = released
    assert current(link) == release.path
    tables = release_con.execute("select schema_name, table_name from duckdb_tables()").fetchall()
    by_schema: dict[str, set[str]] = {}
    for schema, table in tables:
        by_schema.setdefault(schema, set()).add(table)
    assert by_schema == {"marts": MARTS, "lookups": SEEDS, "release": MANIFEST_TABLES}
    assert not [t for _, t in tables if re.match(r"(stg|int|linkage|audit)_", t)]
    views = release_con.execute("select count(*) from duckdb_views() where not internal")
    assert views.fetchone()[0] == 0
    # No identifier-like column: the rule of the dbt test
    # assert_marts_hold_no_identifier_columns, on every published table.
    identifier = re.compile(
        r"(^|_)(names?|forenames?|surnames?|alias(es)?|dob|birth|address(es)?|postcode|pnc|cro"
        r"|prison_number|booking_no|crn|nino|ni_number|urn)($|_)"
    )
    allowed = re.compile(r"(court|prison|local_authority|probation_area|provider)_name$")
    for schema, table, column in release_con.execute(
        "select schema_name, table_name, column_name from duckdb_columns() "
        "where schema_name = 'marts'"
    ).fetchall():
        named = identifier.search(column) and not allowed.search(column)
        named = named and column != "has_date_of_birth"
        raw_id = column.endswith("_id") and not re.fullmatch(r"estimated_[a-z_]*_id", column)
        assert not named and not raw_id, (schema, table, column)
    # The fine release is the build's marts, row for row.
    con = warehouse.connect()
    for table in sorted(MARTS):
        built = con.execute(
            f"select md5(string_agg(cast(t as varchar), '|' order by cast(t as varchar))) "
            f"from marts.{table} as t"
        ).fetchone()[0]
        published = release_con.execute(
            f"select md5(string_agg(cast(t as varchar), '|' order by cast(t as varchar))) "
            f"from marts.{table} as t"
        ).fetchone()[0]
        assert built == published, table
    con.close()


def test_every_table_has_its_parquet_file_and_every_file_its_checksum(released, release_con):
    release, link = released
    listed = release_con.execute(
        "select table_schema, table_name, row_count, parquet_file, parquet_sha256 "
        "from release.release_tables"
    ).fetchall()
    assert {(s, t) for s, t, *_ in listed} == (
        {("marts", m) for m in MARTS}
        | {("lookups", s) for s in SEEDS}
        | {("release", t) for t in MANIFEST_TABLES - {"release_tables"}}
    )
    for _schema, _table, rows, file, digest in listed:
        path = link / file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
        assert duckdb.sql(f"select count(*) from '{path}'").fetchall() == [(rows,)]
    sums = (link / "SHA256SUMS").read_text().splitlines()
    files = sorted(p for p in release.path.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    assert len(sums) == len(files)
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((link / name).read_bytes()).hexdigest() == digest


def test_the_manifest_names_the_extract_code_key_and_measured_quality(
    released, release_con, warehouse
):
    release, link = released
    manifest = release_con.execute("select * from release.release_manifest").fetchall()
    columns = [d[0] for d in release_con.description]
    assert len(manifest) == 1
    row = dict(zip(columns, manifest[0], strict=True))
    assert row["release_id"] == release.release_id
    assert row["granularity"] == "fine"
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert row["code_commit"] == head
    assert row["code_dirty"] in (True, False)
    assert row["key_fingerprint"] == key_fingerprint(PSEUDONYMISATION_KEY)
    assert row["key_fingerprint"] != key_fingerprint(DEMO_KEY)
    assert row["is_public_demo_key"] is False
    assert (row["extract_people"], row["extract_seed"]) == (20000, 20110101)
    # The key itself is nowhere in the release.
    for path in release.path.rglob("*"):
        if path.is_file():
            assert PSEUDONYMISATION_KEY.encode() not in path.read_bytes(), path
    # Extract hashes and row counts: the raw files the build read.
    extracts = release_con.execute(
        "select file, sha256, row_count, declared_row_count from release.release_extracts"
    ).fetchall()
    assert len(extracts) == len(registry.all_tables())
    for file, digest, rows, declared in extracts:
        path = warehouse.raw_dir / file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
        assert rows == declared
    # The linkage evaluation at the default threshold, as the build measured it.
    evaluation = dict(
        release_con.execute(
            "select scope, pairwise_precision from release.release_linkage_evaluation"
        ).fetchall()
    )
    con = warehouse.connect()
    measured = dict(
        con.execute(
            "select scope, precision from linkage.linkage_person_accuracy "
            "where threshold_level = 'default' and group_type = 'all'"
        ).fetchall()
    )
    con.close()
    assert evaluation == measured and len(evaluation) == 9


# --- published only from a passing build, atomically ---------------------------------


def test_a_release_is_refused_without_a_passing_build_of_the_same_warehouse(
    warehouse, build_record, tmp_path
):
    dbt = release_dbt(warehouse, tmp_path / "release")
    failed = BuildRecord(**{**build_record.__dict__, "status": "failed", "problems": ["x"]})
    with pytest.raises(ReleaseError, match="did not pass"):
        publish(dbt, failed)
    moved = BuildRecord(
        **{**build_record.__dict__, "warehouse": {**build_record.warehouse, "mtime_ns": 1}}
    )
    with pytest.raises(ReleaseError, match="changed after its last passing build"):
        publish(dbt, moved)
    with pytest.raises(ReleaseError, match="no build of .* is recorded"):
        publish(release_dbt(warehouse, tmp_path / "r", DATAFIRST_DUCKDB_PATH="/nonexistent.db"))
    assert not (tmp_path / "release").exists()


def _run_release(warehouse, tmp_path, link: Path, **env: str) -> subprocess.Popen:
    """``python -m datafirst.release publish`` on a copy of the warehouse."""
    copy = tmp_path / "working.duckdb"
    if not copy.exists():
        shutil.copy(warehouse.duckdb_path, copy)
    values = {
        **warehouse.env,
        "DATAFIRST_DUCKDB_PATH": str(copy),
        "DATAFIRST_RELEASE_DIR": str(link),
        "DBT_TARGET_PATH": str(tmp_path / "target"),
        "DBT_LOG_PATH": str(tmp_path / "logs"),
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "datafirst.release", "publish"],
        cwd=PROJECT_ROOT,
        env=values,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_a_failed_rebuild_leaves_the_previous_release_byte_identical(warehouse, released, tmp_path):
    """The issue's broken extract: a column dropped from one table of a new
    extract. The build fails; the previous release stays, byte for byte, and
    the command says so."""
    release, link = released
    before = snapshot(link)
    raw = tmp_path / "raw"
    shutil.copytree(warehouse.raw_dir, raw)
    victim = raw / "caseman" / "parties.parquet"
    duckdb.sql(
        f"copy (select * exclude (party_number) from '{victim}') to '{tmp_path / 'p.parquet'}' "
        "(format parquet)"
    )
    shutil.move(tmp_path / "p.parquet", victim)
    write_manifest(raw, read_manifest(raw))  # still a synthetic extract
    process = _run_release(warehouse, tmp_path, link, DATAFIRST_RAW_DIR=str(raw))
    output, _ = process.communicate(timeout=900)
    assert process.returncode == 1, output[-3000:]
    assert "did not pass" in output
    assert f"Nothing was published: the research release {link}" in output
    assert f"is unchanged (release {release.release_id})" in output
    assert snapshot(link) == before
    record = BuildRecord.read(record_path(tmp_path / "working.duckdb"))
    assert record.status == "failed" and record.problems
    # ... and the failed build cannot be published afterwards either.
    again = subprocess.run(
        [sys.executable, "-m", "datafirst.release", "publish", "--no-build"],
        cwd=PROJECT_ROOT,
        env={
            **warehouse.env,
            "DATAFIRST_DUCKDB_PATH": str(tmp_path / "working.duckdb"),
            "DATAFIRST_RELEASE_DIR": str(link),
        },
        capture_output=True,
        text=True,
    )
    assert again.returncode == 1
    assert "The release was not published: the last build" in again.stdout
    assert snapshot(link) == before


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_build_publishes_nothing_and_says_so(warehouse, released, tmp_path, signum):
    release, link = released
    before = snapshot(link)
    process = _run_release(warehouse, tmp_path, link)
    started = time.monotonic()
    for line in process.stdout:
        if " START sql " in line:
            break
        assert time.monotonic() - started < 300, "dbt never started a model"
    process.send_signal(signum)
    output, _ = process.communicate(timeout=300)
    name = signal.Signals(signum).name
    assert process.returncode == 128 + signum, output[-3000:]
    assert f"Interrupted by {name} during the build of" in output
    assert "Nothing was published: the research release" in output
    assert f"is unchanged (release {release.release_id})" in output
    assert snapshot(link) == before
    record = BuildRecord.read(record_path(tmp_path / "working.duckdb"))
    assert record.status == "interrupted"


def test_an_interrupted_release_removes_its_partial_files(
    warehouse, build_record, released, monkeypatch
):
    release, link = released
    before = snapshot(link)

    def interrupted(*_args, **_kwargs):
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(publisher, "_export_parquet", interrupted)
    with pytest.raises(Interrupted):
        publish(release_dbt(warehouse, link), build_record)
    assert snapshot(link) == before
    assert not list(link.parent.glob("releases/.partial-*"))


def test_the_coarse_release_publishes_months_and_age_bands_and_achieves_its_risk(
    warehouse, build_record, tmp_path
):
    link = tmp_path / "release"
    release = publish(release_dbt(warehouse, link), build_record, coarse=True)
    con = duckdb.connect(str(release.database), read_only=True)
    bands = set(dbt_vars()["release_age_bands"])
    checked = 0
    for table, column in con.execute(
        "select table_name, column_name from duckdb_columns() where schema_name = 'marts'"
    ).fetchall():
        if column.endswith("_date"):
            days = con.execute(
                f"select distinct day({column}) from marts.{table} where {column} is not null"
            ).fetchall()
            assert days in ([(1,)], []), (table, column)
            checked += 1
        elif column.startswith("age_"):
            ages = {
                a for (a,) in con.execute(f"select distinct {column} from marts.{table}").fetchall()
            }
            assert ages - {None} <= bands, (table, column)
            checked += 1
    assert checked > 40
    published = con.execute(
        "select mart_name, unique_rows from release.release_disclosure_risk "
        "where is_published_granularity"
    ).fetchall()
    granularity = con.execute("select granularity from release.release_manifest").fetchone()
    rows = con.execute(
        "select count(*) from marts.hocas_flatfile group by "
        "disposal_date, court_code, age_at_disposal, sex, ethnicity_code, local_authority_code "
        "having count(*) = 1"
    ).fetchall()
    con.close()
    assert granularity == ("coarse",)
    assert dict(published)["hocas_flatfile"] == len(rows)


def test_a_release_that_misses_the_measured_risk_is_refused(warehouse, build_record, tmp_path):
    """The release measures its own tables and refuses to publish figures
    that differ from the build's (here: a declaration changed after the
    build)."""
    marts = json.loads(json.dumps(build_record.marts))
    for mart in marts:
        if mart["name"] == "hocas_flatfile":
            mart["meta"]["quasi_identifiers"] = ["court_code"]
    record = BuildRecord(**{**build_record.__dict__, "marts": marts})
    link = tmp_path / "release"
    with pytest.raises(ReleaseError, match="hocas_flatfile: the release has"):
        publish(release_dbt(warehouse, link), record)
    assert not link.exists()


def test_researchers_are_pointed_at_the_release_not_the_working_warehouse():
    overview = (PROJECT_ROOT / "docs" / "overview.md").read_text()
    readme = (PROJECT_ROOT / "README.md").read_text()
    using = readme.split("## Using the warehouse", 1)[1].split("\n## ", 1)[0]
    for text in (overview, using):
        assert "data/release/datafirst_release.duckdb" in text
    query = using.split("**Query the", 1)[1].split("\n- **", 1)[0]
    assert "connect('data/release/datafirst_release.duckdb'" in query
    assert "connect('data/datafirst.duckdb'" not in query


def test_an_interruption_while_the_link_moves_reports_the_release_it_published(
    warehouse, tmp_path, monkeypatch, capsys
):
    """The link moves with signals blocked; a signal that arrives meanwhile is
    handled once the move is done, and the command then says the new release
    is published rather than that nothing was."""
    from datafirst.release import cli

    link = tmp_path / "release"
    record = record_build(
        warehouse.cli,
        0,
        now(),
        hash_extracts(warehouse.raw_dir),
        code_version(),
        run_results=warehouse.build_results,
    )
    path = record_path(warehouse.duckdb_path)
    record.write(path)
    real_swap = publisher._swap

    def swap_then_signal(*args):
        real_swap(*args)
        raise Interrupted(signal.SIGTERM)

    monkeypatch.setattr(publisher, "_swap", swap_then_signal)
    monkeypatch.setenv("DATAFIRST_DUCKDB_PATH", str(warehouse.duckdb_path))
    monkeypatch.setenv("DATAFIRST_RELEASE_DIR", str(link))
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        code = cli.main(["publish", "--no-build"])
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        path.unlink()
    output = capsys.readouterr().out
    published = current(link)
    assert code == 128 + signal.SIGTERM
    assert published is not None
    assert f"Interrupted by SIGTERM just after publishing release {published.name}" in output
    assert "Nothing was published" not in output
