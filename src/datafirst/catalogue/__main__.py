"""Write the researchers' catalogue or the variable list.

    python -m datafirst.catalogue researcher   # target/researcher/index.html
    python -m datafirst.catalogue export       # target/researcher/variables.xlsx

Both read dbt's artifacts (run ``dbt docs generate`` first: ``make docs``)
and the figures of the working warehouse's build.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path

from datafirst.catalogue import export, researcher
from datafirst.project import PROJECT_ROOT, duckdb_path

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("researcher", "export"))
    target = Path(os.environ.get("DBT_TARGET_PATH", PROJECT_ROOT / "target"))
    parser.add_argument("--target", type=Path, default=target, help="dbt's target folder")
    parser.add_argument("--warehouse", type=Path, default=duckdb_path())
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    out = args.out or args.target / "researcher"
    if args.what == "researcher":
        index = researcher.build(args.target, args.warehouse, out)
        log.info("Researchers' catalogue: open %s in a browser (one offline file).", index)
    else:
        manifest = json.loads((args.target / "manifest.json").read_text())
        figures = researcher.read_figures(args.warehouse)
        book = export.write_workbook(manifest, figures, out / "variables.xlsx")
        log.info("Variable list: %s (a sheet per dataset; mark what you request and why).", book)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
