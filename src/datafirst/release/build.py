"""Build the working warehouse with ``dbt build`` and record what the build
was: whether it passed, what it read (extract hashes), which code and key
made it, and what it publishes. The record is what a release is made from
(:mod:`datafirst.release.publisher`): no record of a passing build, no
release.

A Ctrl-C or SIGTERM during the build is passed on to dbt as one interrupt
(dbt cancels its queries and stops), and the build is recorded as
interrupted, never as passed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

from datafirst.project import PROJECT_ROOT, Dbt
from datafirst.warehouse.pseudonymisation import DEMO_KEY, KEY_ENV, key_fingerprint

#: The build record sits beside the warehouse file it describes.
RECORD_SUFFIX = ".build.json"
#: The generator's description of an extract (people, seed, rows per table).
EXTRACT_MANIFEST = "_manifest.json"
#: The dbt test whose compiled SQL lists identifier-like mart columns; the
#: release runs the same SQL on the release file before publishing it.
IDENTIFIER_TEST = "assert_marts_hold_no_identifier_columns"
#: Statuses of a passing dbt build (warn-level tests may warn).
PASSING = {"success", "pass", "warn"}


class Interrupted(Exception):
    """A signal stopped the build or the release."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(signal.Signals(signum).name)


@dataclass
class BuildRecord:
    """What one ``dbt build`` of the working warehouse was."""

    status: str  # passed, failed or interrupted
    started_at: str
    finished_at: str
    warehouse: dict  # path, size and mtime_ns of the file when it finished
    code: dict  # commit and dirty flag of the checkout that built it
    key_fingerprint: str
    demo_key: bool
    extracts: list[dict]  # system, table, file, sha256, rows
    extract_manifest: dict  # the generator's _manifest.json, when present
    invocation_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)  # nodes per status
    problems: list[str] = field(default_factory=list)  # nodes that did not pass
    marts: list[dict] = field(default_factory=list)  # name, schema, table, meta
    lookups: list[dict] = field(default_factory=list)  # name, schema, table
    identifier_check_sql: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n")

    @classmethod
    def read(cls, path: Path) -> BuildRecord:
        return cls(**json.loads(path.read_text()))


def record_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + RECORD_SUFFIX)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_extracts(raw_dir: Path) -> tuple[list[dict], dict]:
    """Every raw extract file with its SHA-256 and row count, and the
    generator's description of the extract (empty for a real extract)."""
    manifest_path = raw_dir / EXTRACT_MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    extracts = []
    for path in sorted(raw_dir.glob("*/*.parquet")):
        extracts.append(
            {
                "source_system": path.parent.name,
                "source_table": path.stem,
                "file": str(path.relative_to(raw_dir)),
                "sha256": sha256_file(path),
                "rows": pq.read_metadata(path).num_rows,
            }
        )
    return extracts, manifest


def code_version() -> dict:
    """The commit of the checkout and whether it has uncommitted changes."""

    def git(*args: str) -> str | None:
        try:
            result = subprocess.run(
                ["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
            )
        except (OSError, subprocess.CalledProcessError):
            return None
        return result.stdout.strip()

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain")
    return {"commit": commit, "dirty": bool(status) if status is not None else None}


def key_in_use(env: dict) -> tuple[str, bool]:
    """The fingerprint of the key the build runs with, and whether it is the
    public demo key (the dbt profile refuses a missing key where it must)."""
    key = env.get(KEY_ENV) or DEMO_KEY
    return key_fingerprint(key), key == DEMO_KEY


def _warehouse_state(path: Path) -> dict:
    if not path.exists():
        return {"path": str(path), "size": None, "mtime_ns": None}
    stat = path.stat()
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def warehouse_unchanged(record: BuildRecord, path: Path) -> bool:
    """The warehouse file is as the recorded build left it."""
    return _warehouse_state(path) == record.warehouse


def _published(manifest: dict) -> tuple[list[dict], list[dict]]:
    """The marts and lookups (seeds) of a dbt manifest, as relations."""
    marts, lookups = [], []
    for node in manifest["nodes"].values():
        if node.get("package_name") != "datafirst":
            continue
        relation = {"name": node["name"], "schema": node["schema"], "table": node["alias"]}
        if node["resource_type"] == "model" and node["original_file_path"].startswith(
            "models/marts/"
        ):
            marts.append({**relation, "meta": node["config"].get("meta", {})})
        elif node["resource_type"] == "seed":
            lookups.append(relation)
    return sorted(marts, key=lambda m: m["name"]), sorted(lookups, key=lambda m: m["name"])


def _identifier_check_sql(manifest: dict, target: Path) -> str | None:
    for node in manifest["nodes"].values():
        if node["resource_type"] == "test" and node["name"] == IDENTIFIER_TEST:
            compiled = target / "compiled" / "datafirst" / node["original_file_path"]
            return compiled.read_text() if compiled.exists() else node.get("compiled_code")
    return None


def record_build(
    dbt: Dbt,
    returncode: int,
    started_at: str,
    extracts: tuple[list[dict], dict],
    code: dict,
    run_results: dict | None = None,
    interrupted: bool = False,
) -> BuildRecord:
    """Describe a finished ``dbt build`` from its run results and manifest
    (read from dbt's target folder unless given)."""
    fingerprint, demo = key_in_use(dbt.env)
    record = BuildRecord(
        status="interrupted" if interrupted else "failed",
        started_at=started_at,
        finished_at=now(),
        warehouse=_warehouse_state(dbt.duckdb_path),
        code=code,
        key_fingerprint=fingerprint,
        demo_key=demo,
        extracts=extracts[0],
        extract_manifest=extracts[1],
    )
    results_path = dbt.target_path / "run_results.json"
    if run_results is None and _written_since(results_path, started_at) and not interrupted:
        run_results = json.loads(results_path.read_text())
    if run_results is None or interrupted:
        if returncode != 0 and not interrupted:
            record.problems.append(_STOPPED_EARLY.format(returncode=returncode))
        return record
    statuses = [(r["unique_id"], str(r["status"])) for r in run_results["results"]]
    for _, status in statuses:
        record.counts[status] = record.counts.get(status, 0) + 1
    record.problems = sorted(uid for uid, status in statuses if status not in PASSING)
    record.invocation_id = run_results.get("metadata", {}).get("invocation_id")
    args = run_results.get("args", {})
    complete = args.get("which") == "build" and not any(
        args.get(option) for option in ("select", "exclude", "selector")
    )
    manifest_path = dbt.target_path / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        record.marts, record.lookups = _published(manifest)
        record.identifier_check_sql = _identifier_check_sql(manifest, dbt.target_path)
    if returncode == 0 and complete and statuses and not record.problems and record.marts:
        record.status = "passed"
    elif not complete:
        record.problems.insert(0, "not a complete `dbt build` (a selection, or another command)")
    elif returncode != 0 and not record.problems:
        record.problems.append(_STOPPED_EARLY.format(returncode=returncode))
    return record


_STOPPED_EARLY = (
    "dbt stopped (exit code {returncode}) before reporting a failed node: "
    "a project hook, the extract check or compilation failed; its output says which"
)


def _written_since(path: Path, started_at: str) -> bool:
    """True when ``path`` exists and was written at or after ``started_at``
    (an ISO timestamp to the second): run results left by an earlier dbt
    command do not describe this build."""
    if not path.exists():
        return False
    started = datetime.strptime(started_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return path.stat().st_mtime >= started.timestamp()


def run_build(dbt: Dbt) -> BuildRecord:
    """``dbt build`` the working warehouse, its output on the console, and
    write the build record beside the warehouse. Raises :class:`Interrupted`
    (after writing the record) when a signal stopped it."""
    started = now()
    extracts = hash_extracts(dbt.raw_dir)
    code = code_version()
    path = record_path(dbt.duckdb_path)
    # The previous record no longer describes the warehouse once dbt starts.
    path.unlink(missing_ok=True)
    process = dbt.popen("build")
    received = _wait_forwarding_signals(process)
    record = record_build(
        dbt, process.returncode, started, extracts, code, interrupted=bool(received)
    )
    record.write(path)
    if received:
        raise Interrupted(received[0])
    return record


def _wait_forwarding_signals(process: subprocess.Popen) -> list[int]:
    """Wait for dbt; pass the first SIGINT or SIGTERM on as one SIGINT (dbt
    cancels its queries and exits), a second as SIGTERM, a third as SIGKILL.
    Returns the signals received."""
    received: list[int] = []
    escalation = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]

    def forward(signum, _frame):
        received.append(signum)
        step = escalation[min(len(received), len(escalation)) - 1]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, step)

    previous = {s: signal.signal(s, forward) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        process.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return received
