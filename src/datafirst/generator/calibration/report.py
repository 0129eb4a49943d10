"""The calibration report: each published figure beside its simulated value.

    python -m datafirst.generator.calibration [--raw DIR] [--truth DIR]

measures every figure of ``published_figures.yml`` on a generated extract
(the raw extract and the truth, default ``data/raw`` and ``data/truth``),
prints simulated against published with the source, and exits with status 1
when a figure is outside its tolerance (or cannot be measured).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from datafirst.generator.calibration.measures import MEASURES, open_extract
from datafirst.project import DEFAULT_RAW_DIR, DEFAULT_TRUTH_DIR, SEEDS_DIR

FIGURES_FILE = Path(__file__).with_name("published_figures.yml")


@dataclass(frozen=True)
class Figure:
    name: str
    description: str
    value: float
    tolerance: float
    confidence: str
    source: str
    measure: str
    measured_as: str

    def holds(self, simulated: float | None) -> bool:
        # A hair of slack for floating-point sums at a tolerance of zero.
        return simulated is not None and abs(simulated - self.value) <= self.tolerance + 1e-9


@dataclass(frozen=True)
class Result:
    figure: Figure
    simulated: float | None

    @property
    def ok(self) -> bool:
        return self.figure.holds(self.simulated)


def load_figures(path: Path = FIGURES_FILE) -> list[Figure]:
    figures = [Figure(**entry) for entry in yaml.safe_load(path.read_text())]
    unknown = [f.measure for f in figures if f.measure not in MEASURES]
    if unknown:
        raise ValueError(f"figures name measures that do not exist: {unknown}")
    return figures


def calibrate(
    raw_dir: Path = DEFAULT_RAW_DIR,
    truth_dir: Path = DEFAULT_TRUTH_DIR,
    seeds_dir: Path = SEEDS_DIR,
    figures: list[Figure] | None = None,
) -> list[Result]:
    con = open_extract(raw_dir, truth_dir, seeds_dir)
    try:
        return [Result(f, MEASURES[f.measure](con)) for f in figures or load_figures()]
    finally:
        con.close()


def format_report(results: list[Result]) -> str:
    def num(x):
        return "n/a" if x is None else f"{x:.3f}"

    head = f"{'figure':40} {'simulated':>9} {'published':>9} {'tolerance':>9}  result"
    lines = [head, "-" * len(head)]
    for r in results:
        f = r.figure
        lines.append(
            f"{f.name:40} {num(r.simulated):>9} {num(f.value):>9} {'±' + num(f.tolerance):>9}  "
            f"{'ok' if r.ok else 'OUT'}"
        )
        lines.append(f"    source ({f.confidence}): {' '.join(f.source.split())}")
    failed = [r.figure.name for r in results if not r.ok]
    lines.append("")
    lines.append(
        f"{len(results) - len(failed)} of {len(results)} figures within tolerance"
        + (f"; outside: {', '.join(failed)}" if failed else "")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW_DIR, help="raw extract folder")
    parser.add_argument("--truth", type=Path, default=DEFAULT_TRUTH_DIR, help="truth folder")
    args = parser.parse_args(argv)
    if not (args.raw / "_manifest.json").exists():
        print(f"no generated extract in {args.raw} (make generate first)", file=sys.stderr)  # noqa: T201
        return 2
    results = calibrate(args.raw, args.truth)
    print(format_report(results))  # noqa: T201
    return 0 if all(r.ok for r in results) else 1
