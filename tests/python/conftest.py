"""Shared fixtures: small extracts made by the project's own generator at a
fixed seed (built once per test session, in a temporary folder)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from datafirst.generator import PROFILES, GeneratorConfig, generate

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
