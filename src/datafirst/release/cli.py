"""``python -m datafirst.release build | publish [--coarse] [--no-build]``

``build`` (``make build``) runs ``dbt build`` on the working warehouse and
records whether it passed; it publishes nothing. ``publish`` (``make
release``; ``make release COARSE=1`` for the coarse release) builds, then
publishes the research release if every error-level test passed;
``--no-build`` publishes the last passing build instead, if the working
warehouse has not changed since.

Every outcome ends with a sentence saying what was and was not published,
a Ctrl-C or SIGTERM included.
"""

from __future__ import annotations

import argparse
import signal
import sys

import duckdb

from datafirst.project import Dbt
from datafirst.release.build import Interrupted, run_build
from datafirst.release.publisher import RELEASE_FILE, ReleaseError, current, publish


def _interrupt(signum, _frame):
    raise Interrupted(signum)


def published_state(dbt: Dbt) -> str:
    """What researchers can open now."""
    link = dbt.release_dir
    folder = current(link)
    if folder is None:
        return f"there is no research release yet ({link} does not exist)"
    return f"the research release {link / RELEASE_FILE} is unchanged (release {folder.name})"


def disclosure_summary(database) -> list[str]:
    """The published marts' share of unique rows, fine and coarse."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        rows = con.execute(
            """
            select
                mart_name,
                max(unique_share) filter (where granularity = 'fine'),
                max(unique_share) filter (where granularity = 'coarse'),
                max(granularity) filter (where is_published_granularity)
            from release.release_disclosure_risk
            where unique_share is not null
            group by mart_name
            order by mart_name
            """
        ).fetchall()
    finally:
        con.close()
    lines = ["Share of rows unique on their quasi-identifiers (fine -> coarse):"]
    for name, fine, coarse, published in rows:
        lines.append(f"  {name:38s} {fine:7.1%} -> {coarse:7.1%}   (published: {published})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "publish"])
    parser.add_argument(
        "--coarse",
        action="store_true",
        help="publish event dates as months and ages as bands",
    )
    parser.add_argument(
        "--no-build",
        action="store_true",
        help="publish the last passing build (the warehouse must be unchanged since)",
    )
    args = parser.parse_args(argv)
    dbt = Dbt()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    phase = "build"
    record = None
    before = current(dbt.release_dir)
    try:
        if args.command == "build" or not args.no_build:
            record = run_build(dbt)
            if not record.passed:
                problems = ", ".join(p.split(".")[-1] for p in record.problems[:10])
                print(
                    f"\nThe build of {dbt.duckdb_path} did not pass ({problems}). "
                    f"Nothing was published: {published_state(dbt)}."
                )
                return 1
            if args.command == "build":
                print(
                    f"\nThe build of {dbt.duckdb_path} passed. Nothing was published "
                    f"(make release publishes it): {published_state(dbt)}."
                )
                return 0
        phase = "release"
        release = publish(dbt, record, coarse=args.coarse, log=print)
    except Interrupted as stop:
        name = signal.Signals(stop.signum).name
        after = current(dbt.release_dir)
        if phase == "release" and after is not None and after != before:
            # The signal arrived while the link was being moved: the move
            # completed, so the new release is the published one.
            print(
                f"\nInterrupted by {name} just after publishing release {after.name}: it is "
                f"the research release now ({dbt.release_dir / RELEASE_FILE})."
            )
            return 128 + stop.signum
        if phase == "build":
            detail = (
                f"during the build of {dbt.duckdb_path} (now partly rebuilt, and recorded "
                "as interrupted: it cannot be published until a build passes)"
            )
        else:
            detail = "while writing the new release (its partial files were removed)"
        print(f"\nInterrupted by {name} {detail}. Nothing was published: {published_state(dbt)}.")
        return 128 + stop.signum
    except ReleaseError as refused:
        state = published_state(dbt)
        print(f"\nThe release was not published: {refused}. {state[0].upper()}{state[1:]}.")
        return 1
    link = dbt.release_dir
    print(
        f"\nPublished release {release.release_id} ({release.granularity}): "
        f"{release.tables} tables in {link / RELEASE_FILE} and one Parquet file each "
        f"under {link / 'parquet'}. The working warehouse {dbt.duckdb_path} holds "
        "identified data: researchers use the release."
    )
    print("\n".join(disclosure_summary(release.database)))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
