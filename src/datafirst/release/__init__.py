"""The research release: what researchers open, apart from the engineers'
working warehouse.

The working warehouse (``data/datafirst.duckdb``) holds identified staging
and intermediate data. The research release (``data/release/``) holds the
marts, the linking tables, the lookups and a release manifest, and nothing
else, as one DuckDB file and one Parquet file per table. It is published
only from a build that passed every error-level test, atomically: a failed
or interrupted build or release leaves the previous release as it was.

``python -m datafirst.release build`` builds the working warehouse (``make
build``); ``python -m datafirst.release publish [--coarse]`` builds and
publishes (``make release``, ``make release COARSE=1``).
"""

from datafirst.release.build import BuildRecord, Interrupted, record_path, run_build
from datafirst.release.publisher import (
    RELEASE_FILE,
    Release,
    ReleaseError,
    current,
    publish,
)

__all__ = [
    "RELEASE_FILE",
    "BuildRecord",
    "Interrupted",
    "Release",
    "ReleaseError",
    "current",
    "publish",
    "record_path",
    "run_build",
]
