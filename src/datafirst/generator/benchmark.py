"""Measure the generator's throughput: source records written per minute.

``python -m datafirst.generator.benchmark --people 200000`` prints the wall
time, the records written and the rate, per run, for the README.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
from pathlib import Path

from datafirst.generator.config import PROFILES, GeneratorConfig
from datafirst.generator.run import generate


def measure(people: int, seed: int, profile: str, folder: Path) -> dict:
    cfg = GeneratorConfig(
        people=people,
        seed=seed,
        profile=PROFILES[profile],
        raw_dir=folder / "raw",
        truth_dir=folder / "truth",
    )
    summary = generate(cfg)
    records = summary["source_records"]
    seconds = summary["seconds"]
    return {
        "people": people,
        "profile": profile,
        "source_records": records,
        "seconds": seconds,
        "records_per_minute": round(records / seconds * 60),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--seed", type=int, default=20110101)
    parser.add_argument("--profile", default="default", choices=sorted(PROFILES))
    args = parser.parse_args(argv)
    rows = []
    for people in args.people:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(measure(people, args.seed, args.profile, Path(tmp)))
            sys.stdout.write(json.dumps(rows[-1]) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
