"""The raw extracts on disk and their manifest.

The generator writes ``<raw_dir>/_manifest.json`` next to the extracts it
writes: what it simulated (people, seed, profile, row counts) and, as the
marker that the extract is synthetic, ``"synthetic": true`` with the SHA-256
of every file it wrote. An extract counts as synthetic only when that marker
is there *and* every Parquet file under the folder is one the generator
wrote, unchanged: a real extract copied over a synthetic one, or next to it,
is not synthetic, whatever manifest lies beside it.

The ``dev`` target builds only synthetic extracts unless the pseudonymisation
key is a real secret (:mod:`datafirst.warehouse.pseudonymisation`). The
marker guards against a careless mistake, not a forger: anyone can write a
manifest.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST_NAME = "_manifest.json"
#: The manifest key that marks an extract as written by the generator.
SYNTHETIC_MARKER = "synthetic"


def extract_files(raw_dir: Path) -> list[Path]:
    """Every Parquet file of an extract (``<system>/<table>.parquet``)."""
    return sorted(Path(raw_dir).glob("*/*.parquet"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_hashes(raw_dir: Path) -> dict[str, str]:
    """SHA-256 of every file of an extract, by its path under ``raw_dir``."""
    raw_dir = Path(raw_dir)
    return {
        path.relative_to(raw_dir).as_posix(): file_sha256(path) for path in extract_files(raw_dir)
    }


def write_manifest(raw_dir: Path, summary: dict) -> dict:
    """Write the manifest of a synthetic extract: ``summary`` (what was
    simulated) with the synthetic marker and the hash of every file now in
    ``raw_dir``. Only the generator (and tests that craft synthetic
    extracts) call this."""
    manifest = {
        SYNTHETIC_MARKER: True,
        **{k: v for k, v in summary.items() if k not in (SYNTHETIC_MARKER, "files")},
        "files": file_hashes(raw_dir),
    }
    (Path(raw_dir) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def read_manifest(raw_dir: Path) -> dict | None:
    """The extract's manifest, or None when it has none (or an unreadable one)."""
    path = Path(raw_dir) / MANIFEST_NAME
    try:
        manifest = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def is_synthetic(raw_dir: Path) -> bool:
    """True when the generator marked the extract synthetic and every
    Parquet file in it is one the generator wrote, unchanged. Files the
    manifest lists but the folder lacks do not matter here (the build's
    extract check reports them)."""
    manifest = read_manifest(raw_dir)
    if not manifest or manifest.get(SYNTHETIC_MARKER) is not True:
        return False
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        return False
    return all(listed.get(name) == digest for name, digest in file_hashes(raw_dir).items())
