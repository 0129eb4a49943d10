"""The project on disk and the one way the Python side runs dbt.

Everything that needs the project root, the default locations of the
extracts and the warehouse, dbt's environment, a dbt command or a dbt
project variable comes here: the generator, the linkage training, the
benchmarks, the research runner and the tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

#: The checkout: dbt_project.yml, models/, seeds/, src/.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = PROJECT_ROOT / "seeds"
DATA_DIR = PROJECT_ROOT / "data"

#: Defaults of the environment variables the dbt profile and the commands
#: read (README: "Settings come from environment variables").
DEFAULT_RAW_DIR = DATA_DIR / "raw"
DEFAULT_TRUTH_DIR = DATA_DIR / "truth"
DEFAULT_DUCKDB_PATH = DATA_DIR / "datafirst.duckdb"
#: The research release researchers open (a link to the current version).
DEFAULT_RELEASE_DIR = DATA_DIR / "release"
DEFAULT_SPARK_DIR = DATA_DIR / "spark"


def executable(name: str) -> str:
    """A command installed beside this interpreter (dbt, dbt-coverage, ...)."""
    return str(Path(sys.executable).with_name(name))


@cache
def dbt_vars() -> dict:
    """The ``vars`` of dbt_project.yml, as dbt reads them."""
    project = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text())
    return dict(project.get("vars", {}))


def duckdb_path(env: dict | None = None) -> Path:
    """The warehouse file the environment points at."""
    env = os.environ if env is None else env
    return Path(env.get("DATAFIRST_DUCKDB_PATH", DEFAULT_DUCKDB_PATH))


def release_dir(env: dict | None = None) -> Path:
    """The research release the environment points at."""
    env = os.environ if env is None else env
    return Path(env.get("DATAFIRST_RELEASE_DIR", DEFAULT_RELEASE_DIR))


@dataclass
class Dbt:
    """dbt with one set of locations: the extracts it reads, the warehouse it
    writes, and its own target and log folders.

    With no locations, dbt runs on the environment's settings (the README's
    ``make build``); a scratch build (tests, training, benchmark) names a
    folder of its own with :meth:`in_folder`.
    """

    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    def __post_init__(self) -> None:
        self.env.setdefault("DBT_PROFILES_DIR", str(PROJECT_ROOT))
        self.env.setdefault("DATAFIRST_RAW_DIR", str(DEFAULT_RAW_DIR))
        self.env.setdefault("DATAFIRST_TRUTH_DIR", str(DEFAULT_TRUTH_DIR))
        self.env.setdefault("DATAFIRST_DUCKDB_PATH", str(DEFAULT_DUCKDB_PATH))
        self.env.setdefault("DATAFIRST_RELEASE_DIR", str(DEFAULT_RELEASE_DIR))

    @classmethod
    def in_folder(cls, folder: Path, database: str = "warehouse.duckdb", **env: str) -> Dbt:
        """dbt on the extracts under ``folder/raw`` and ``folder/truth``,
        writing ``folder/<database>``, ``folder/target`` and ``folder/logs``
        (and a research release, if published, at ``folder/release``)."""
        values = dict(os.environ)
        values.update(
            DBT_PROFILES_DIR=str(PROJECT_ROOT),
            DATAFIRST_RAW_DIR=str(folder / "raw"),
            DATAFIRST_TRUTH_DIR=str(folder / "truth"),
            DATAFIRST_DUCKDB_PATH=str(folder / database),
            DATAFIRST_RELEASE_DIR=str(folder / "release"),
            DATAFIRST_SPARK_DIR=str(folder / "spark"),
            DBT_TARGET_PATH=str(folder / "target"),
            DBT_LOG_PATH=str(folder / "logs"),
        )
        values.update(env)
        return cls(values)

    @property
    def duckdb_path(self) -> Path:
        return duckdb_path(self.env)

    @property
    def target_path(self) -> Path:
        return Path(self.env.get("DBT_TARGET_PATH", PROJECT_ROOT / "target"))

    @property
    def raw_dir(self) -> Path:
        return Path(self.env["DATAFIRST_RAW_DIR"])

    @property
    def release_dir(self) -> Path:
        return release_dir(self.env)

    @property
    def target(self) -> str:
        return self.env.get("DATAFIRST_TARGET", "dev")

    @property
    def on_spark(self) -> bool:
        """The ``spark`` target: dbt runs inside the project's Spark runner
        (:mod:`datafirst.warehouse.spark`), which creates the SparkSession
        that dbt-spark's ``method: session`` uses."""
        return self.target == "spark"

    def command(self, *args: str) -> list[str]:
        if self.on_spark:
            return [sys.executable, "-m", "datafirst.warehouse.spark", *args]
        return [executable("dbt"), *args]

    def popen(self, *args: str, **env: str) -> subprocess.Popen:
        """Start ``dbt <args>`` with its output on this process's console, in
        a session of its own: a Ctrl-C at the terminal reaches the caller
        only, which decides what dbt is told (see datafirst.release.build)."""
        return subprocess.Popen(
            self.command(*args),
            cwd=PROJECT_ROOT,
            env={**self.env, **env},
            start_new_session=True,
        )

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        """Run ``dbt <args>`` in the project, output captured, never raising."""
        return subprocess.run(
            self.command(*args),
            cwd=PROJECT_ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
        )

    def check(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        """Run ``dbt <args>`` and raise with the end of its output on failure."""
        result = self.run(*args, **env)
        if result.returncode != 0:
            raise RuntimeError(f"dbt {' '.join(args)} failed:\n{result.stdout[-4000:]}")
        return result
