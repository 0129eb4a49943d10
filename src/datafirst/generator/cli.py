"""Command line: ``python -m datafirst.generator`` / ``datafirst-generate``."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from datafirst.generator.config import PROFILES, GeneratorConfig
from datafirst.generator.run import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate the synthetic raw extracts of every source system and the "
        "ground truth. Defaults come from DATAFIRST_* environment variables."
    )
    parser.add_argument("--people", type=int, help="number of simulated people")
    parser.add_argument("--seed", type=int, help="random seed (same seed, same bytes)")
    parser.add_argument("--profile", choices=sorted(PROFILES), help="recording-error profile")
    parser.add_argument("--raw-dir", type=Path, help="where the raw extracts go")
    parser.add_argument("--truth-dir", type=Path, help="where the ground truth goes")
    parser.add_argument("--quiet", action="store_true", help="no progress display")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    cfg = GeneratorConfig.from_env(
        people=args.people,
        seed=args.seed,
        profile=PROFILES[args.profile] if args.profile else None,
        raw_dir=args.raw_dir,
        truth_dir=args.truth_dir,
        progress=not args.quiet,
    )
    summary = generate(cfg)
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
