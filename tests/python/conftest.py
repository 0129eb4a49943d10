"""Shared fixtures: small extracts made by the project's own generator at a
fixed seed (built once per test session, in a temporary folder), the parsed
dbt project, and the demo-scale warehouse.

Test tiers: a test that needs the built warehouse (the ``warehouse``
fixture, directly or through another fixture) is marked ``warehouse``
automatically; ``make check`` runs every test that is neither ``warehouse``
nor ``slow`` in a few minutes, ``make test`` runs them all."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from datafirst.generator import PROFILES, GeneratorConfig, generate
from datafirst.project import Dbt

TEST_PEOPLE = 12000
TEST_SEED = 7


def _generate(tmp: Path, *, people=TEST_PEOPLE, seed=TEST_SEED, profile="default") -> dict:
    cfg = GeneratorConfig(
        people=people,
        seed=seed,
        profile=PROFILES[profile],
        raw_dir=tmp / "raw",
        truth_dir=tmp / "truth",
    )
    summary = generate(cfg)
    summary["raw_dir"] = cfg.raw_dir
    summary["truth_dir"] = cfg.truth_dir
    return summary


@pytest.fixture(scope="session")
def extract(tmp_path_factory) -> dict:
    """The default-profile extract every generator test reads."""
    return _generate(tmp_path_factory.mktemp("default"))


@pytest.fixture(scope="session")
def hard_extract(tmp_path_factory) -> dict:
    return _generate(tmp_path_factory.mktemp("hard"), profile="hard")


@pytest.fixture(scope="session")
def make_extract(tmp_path_factory):
    def make(**kwargs) -> dict:
        return _generate(tmp_path_factory.mktemp("extra"), **kwargs)

    return make


#: Rates of rarer events are measured on an extract five times the test
#: scale: the smaller systems (Crown Court, prisons) hold a few dozen repeat
#: records or bench warrants at the test scale, too few to tell a 25% rate
#: from 20%, or a rate of 8% from none.
FLOOR_PEOPLE = 5 * TEST_PEOPLE


@pytest.fixture(scope="session")
def floor_db(make_extract):
    """A DuckDB connection to the larger extract (FLOOR_PEOPLE people), laid
    out like ``db``."""
    con = duckdb.connect()
    attach_extract(con, make_extract(people=FLOOR_PEOPLE))
    yield con
    con.close()


@pytest.fixture()
def db(extract):
    """A DuckDB connection with a view per raw table and truth table of the
    default extract (``raw_<system>__<table>``, ``truth_<table>``)."""
    con = duckdb.connect()
    attach_extract(con, extract)
    yield con
    con.close()


def attach_extract(con, extract: dict) -> None:
    for path in sorted(Path(extract["raw_dir"]).glob("*/*.parquet")):
        con.execute(
            f"create or replace view raw_{path.parent.name}__{path.stem} as "
            f"select * from read_parquet('{path}', file_row_number = true)"
        )
    for path in sorted(Path(extract["truth_dir"]).glob("*.parquet")):
        con.execute(
            f"create or replace view truth_{path.stem} as select * from read_parquet('{path}')"
        )


def pytest_collection_modifyitems(items):
    for item in items:
        if "warehouse" in item.fixturenames:
            item.add_marker(pytest.mark.warehouse)


@pytest.fixture(scope="session")
def manifest(tmp_path_factory) -> dict:
    """dbt's manifest of the project, parsed (no extract or warehouse needed)."""
    dbt = Dbt.in_folder(tmp_path_factory.mktemp("parse"))
    dbt.check("parse", "--target", "lint")
    return json.loads((dbt.target_path / "manifest.json").read_text())


# --- a small warehouse built once per session --------------------------------

# The demo scale and seed: the quality bar is checked where it is published.
WAREHOUSE_PEOPLE = 20000
WAREHOUSE_SEED = 20110101
# The tests build with a key of their own (not the public demo key), so that
# they can recompute the pseudonyms independently.
PSEUDONYMISATION_KEY = "pytest-pseudonymisation-key-0123456789"


class Warehouse:
    """A generated extract and the dbt environment that builds on it."""

    def __init__(self, root: Path):
        self.root = root
        self.raw_dir = root / "raw"
        self.truth_dir = root / "truth"
        self.cli = Dbt.in_folder(root, DATAFIRST_PSEUDONYMISATION_KEY=PSEUDONYMISATION_KEY)
        self.env = self.cli.env
        self.duckdb_path = self.cli.duckdb_path
        self.target = self.cli.target_path
        self.build: subprocess.CompletedProcess | None = None
        self.build_results: dict = {}

    def dbt(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return self.cli.run(*args, **env)

    def run_results(self) -> dict:
        return json.loads((self.target / "run_results.json").read_text())

    def manifest(self) -> dict:
        return json.loads((self.target / "manifest.json").read_text())

    def connect(self, path: Path | None = None):
        """Read-only connection to the built warehouse (or a copy of it), with
        the truth as views."""
        con = duckdb.connect(str(path or self.duckdb_path), read_only=True)
        for path in sorted(self.truth_dir.glob("*.parquet")):
            con.execute(
                f"create or replace temp view truth_{path.stem} as "
                f"select * from read_parquet('{path}')"
            )
        return con


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Warehouse:
    """Generate a small extract and `dbt build` the warehouse on it, once."""
    wh = Warehouse(tmp_path_factory.mktemp("warehouse"))
    generate(
        GeneratorConfig(
            people=WAREHOUSE_PEOPLE,
            seed=WAREHOUSE_SEED,
            raw_dir=wh.raw_dir,
            truth_dir=wh.truth_dir,
        )
    )
    wh.build = wh.dbt("build")
    if (wh.target / "run_results.json").exists():
        wh.build_results = wh.run_results()
    return wh


@pytest.fixture()
def con(warehouse):
    """A read-only connection to the session's warehouse, closed after each
    test so that dbt can open the warehouse again."""
    assert warehouse.build.returncode == 0, warehouse.build.stdout[-3000:]
    connection = warehouse.connect()
    yield connection
    connection.close()
