"""The researchers' catalogue: the engineers' dbt docs (``dbt docs generate``)
cut down to what a researcher receives, with the figures a researcher needs
on every page.

What it keeps: the published tables (marts, the linking tables included) and
the code lists (seeds), with their tests. What it drops: staging,
intermediate and linkage models, the audit and research models, analyses,
macros, and the generator's ground truth. Lineage is redrawn from each
published table straight to the source systems' extracts it is built from
(through however many internal models) and to the code lists that decode
its columns, so the graph reads "source extract -> published table <- code
list".

What it adds, from the build (never hand-written): on every column, its
completeness overall and by year, breaks in the series, distinct values and
range (``audit.audit_mart_column_profile``) and a link to the code list that
decodes it; on every code list, its codes and labels; on every table, its
dataset's access conditions (``registry.Dataset.access``); on the landing
page, access and use per dataset, the measured linkage quality and the
caveats a researcher must read.

Each node's example SQL names the research release
(``datafirst_release.<schema>.<table>``), which is where researchers query.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from datafirst import registry
from datafirst.project import SEEDS_DIR

#: The catalog name of the research release (datafirst_release.duckdb).
RELEASE_DATABASE = "datafirst_release"
#: Code lists show at most this many codes on their page (the rest are in
#: the release's lookups schema).
MAX_CODES_SHOWN = 300

#: The programme's access route, common to every dataset: the Five Safes.
FIVE_SAFES = (
    (
        "Safe people",
        "become an accredited researcher (the Digital Economy Act accredited "
        "researcher scheme, with the ONS Safe Researcher Training)",
    ),
    (
        "Safe projects",
        "apply for a project with a public benefit and a justified list of "
        "the variables it needs (`make catalogue-export` writes the list to "
        "mark); the dataset's approving body and the Research Accreditation "
        "Panel approve it",
    ),
    (
        "Safe settings",
        "analyse only inside the secure environment that holds the data",
    ),
    (
        "Safe data",
        "the tables are de-identified: no names, dates of birth, addresses or "
        "source ids; person ids are pseudonyms from the linkage",
    ),
    (
        "Safe outputs",
        "every output leaving the environment is checked for disclosure "
        "(counts below 10 suppressed, the rest rounded to 5: the "
        "`disclosure_control` rules the project's analyses follow)",
    ),
)

#: Caveats for every dataset, on the landing page.
CAVEATS = (
    "**Synthetic data.** Every record is simulated; associations between "
    "variables come from the generator, not from the justice system, and are "
    "not findings.",
    "**Not comparable with official statistics.** The datasets are "
    "administrative extracts with their own coverage, counting rules and "
    "revisions; totals differ from the Ministry of Justice's published "
    "statistics.",
    "**Breaks in time series.** Recording practice changes between years and "
    "recent records are incomplete: each column's page gives its completeness "
    "by year and flags the breaks.",
    "**Person ids are estimates.** Linkage splits some people and merges "
    "others; the measured quality is below, and `xjs_link` carries the "
    "cross-justice id at a lower and a higher threshold for sensitivity "
    "analyses.",
)

#: The linking tables, which are not one dataset's.
LINKING_ACCESS = registry.Access(
    coverage="Jan 2011 - Mar 2023",
    caveats=(
        "Join a published table to xjs_link on (source_dataset, row_id_hash); "
        "estimated_xjs_id is the same person across datasets.",
        "Available only with the datasets it links, each approved in its own right.",
    ),
)

#: The MoJ-DfE share's link (pnc_npd_link): the share's own access route.
SHARE_LINK_ACCESS = registry.Access(
    coverage="2000 - 2017, offenders born after 31 Aug 1985",
    held_at=registry.SHARE_DATASETS[0].access.held_at,
    approved_by=registry.SHARE_DATASETS[0].access.approved_by,
    caveats=(
        "Join pnc_court_appearances on offender_id_hash and the NPD tables on "
        "pupil_id_hash; the share has no estimated_xjs_id and no row in xjs_link.",
        "A deterministic link: see its match rules and the measured precision "
        "and recall by rule (what the rules miss is not in the link).",
    ),
)
#: How the share's datasets are linked (the catalogue's linkage column).
SHARE_LINKED_BY = (
    "pnc_npd_link only (the MoJ-DfE share's deterministic link); "
    "not in xjs_link or the cross-justice person link"
)


@dataclass(frozen=True)
class Figures:
    """What the build measured, read from the working warehouse."""

    #: (mart, column) -> profile rows (dicts), the overall row first.
    profile: dict[tuple[str, str], list[dict]]
    #: linkage_person_accuracy at the default threshold, all groups.
    accuracy: list[dict]
    #: linkage_accuracy_fairness at the default threshold.
    fairness: list[dict]
    #: The MoJ-DfE share's match rules (seed share_match_rules), in order.
    share_rules: list[dict] = ()
    #: linkage_share_accuracy: the share's link by method and rule.
    share_accuracy: list[dict] = ()


def read_figures(warehouse: Path) -> Figures:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = _rows(
            con,
            "select * from audit.audit_mart_column_profile "
            "order by mart_name, column_name, period = 'all' desc, period",
        )
        accuracy = _optional(
            con,
            "select scope, precision, recall, f1 from linkage.linkage_person_accuracy "
            "where threshold_level = 'default' and group_type = 'all' order by scope",
        )
        fairness = _optional(
            con,
            "select scope, group_type, worst_recall_group, worst_recall, "
            "best_recall_group, best_recall, f1_gap "
            "from linkage.linkage_accuracy_fairness "
            "where threshold_level = 'default' order by scope, group_type",
        )
        share_rules = _optional(
            con,
            "select rule_order, rule_code, rule_description "
            "from lookups.share_match_rules order by rule_order",
        )
        share_accuracy = _optional(
            con,
            "select link_method as method, rule_bucket, links, precision, true_pairs, recall "
            "from linkage.linkage_share_accuracy order by rule_order, link_method",
        )
    finally:
        con.close()
    profile: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        profile.setdefault((row["mart_name"], row["column_name"]), []).append(row)
    return Figures(profile, accuracy, fairness, share_rules, share_accuracy)


def _rows(con, sql: str) -> list[dict]:
    result = con.execute(sql)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _optional(con, sql: str) -> list[dict]:
    """Rows of an evaluation table, none when the build has no truth."""
    try:
        return _rows(con, sql)
    except duckdb.CatalogException:
        return []


# --- what a column, a code list and a table say ----------------------------------


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{100 * share:.1f}%"


def profile_text(rows: list[dict]) -> str:
    """A column's completeness overall and by year, its breaks, distinct
    values and range, as one Markdown paragraph."""
    overall = next(r for r in rows if r["period"] == "all")
    parts = [
        f"**Completeness** {_percent(overall['completeness'])} of {overall['row_count']:,} rows"
    ]
    years = [r for r in rows if r["period"] not in ("all", "not_recorded")]
    if years:
        by_year = ", ".join(f"{r['period']}: {_percent(r['completeness'])}" for r in years)
        parts.append(f"by year of {overall['period_column']}: {by_year}")
    breaks = [r for r in years if r["is_series_break"]]
    if breaks:
        parts.append(
            "**breaks in the series** in "
            + ", ".join(
                f"{r['period']} ({100 * r['completeness_change']:+.0f} points)" for r in breaks
            )
        )
    parts.append(f"{overall['distinct_values']:,} distinct values")
    if overall["min_value"] is not None:
        parts.append(f"range {overall['min_value']} to {overall['max_value']}")
    return "; ".join(parts) + "."


def _seed_link(seed: str) -> str:
    return f"[{seed}](#!/seed/seed.{_PROJECT}.{seed})"


def code_list_table(seed: str, limit: int = MAX_CODES_SHOWN) -> str:
    """The codes of a code list as a Markdown table (from its seed file)."""
    with (SEEDS_DIR / f"{seed}.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in body[:limit]),
    ]
    more = (
        f"\n\n{len(body) - limit:,} more codes in `{RELEASE_DATABASE}.lookups.{seed}`."
        if len(body) > limit
        else ""
    )
    return f"**The {len(body):,} codes**\n\n" + "\n".join(lines) + more


def access_text(access: registry.Access, linked_by: str) -> str:
    caveats = "".join(f"\n- {c}" for c in access.caveats)
    return (
        f"**Access and use.** Coverage: {access.coverage}. Held at: {access.held_at}. "
        f"Approved by: {access.approved_by}. Linkage: {linked_by}. "
        "Access follows the Five Safes (see the landing page)."
        + (f"\n\nKnown caveats:{caveats}" if caveats else "")
    )


def dataset_access() -> dict[str, tuple[registry.Access, str]]:
    """Per mart folder (dataset code, or linking): its access and linkage."""
    out = {
        dataset.code: (
            (dataset.access, f"in xjs_link (source_dataset '{dataset.code}')")
            if dataset.is_linked
            else (dataset.access, SHARE_LINKED_BY)
        )
        for dataset in registry.DATASETS
    }
    out["linking"] = (
        LINKING_ACCESS,
        "xjs_link links every justice dataset above (not the MoJ-DfE share's); "
        "mags_crown_journey links magistrates' cases to the Crown cases they were sent to; "
        "caseman_pcol_case_link links CaseMan cases received from PCOL to the PCOL claims "
        "they continue",
    )
    out[registry.SHARE_FOLDER] = (
        SHARE_LINK_ACCESS,
        "pnc_npd_link links the share's PNC persons and pupils, deterministically, one to one",
    )
    return out


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def share_link_text(figures: Figures) -> str:
    """The MoJ-DfE share's match rules and their measured accuracy, by rule
    (empty when the build measured none)."""
    parts = []
    if figures.share_rules:
        parts.append(
            "**Match rules, in order** (seed `share_match_rules`):\n\n"
            + "\n".join(
                f"{r['rule_order']}. `{r['rule_code']}`: {r['rule_description']}"
                for r in figures.share_rules
            )
        )
    if figures.share_accuracy:
        rows = [
            "| method | pairs meeting | links | precision | true pairs | recall |",
            "|---|---|---|---|---|---|",
            *(
                f"| {r['method']} | `{r['rule_bucket']}` | {r['links']} | "
                f"{_figure(r['precision'])} | {r['true_pairs']} | {_figure(r['recall'])} |"
                for r in figures.share_accuracy
            ),
        ]
        parts.append(
            "**Measured accuracy of the share's link** (this build, against the "
            "simulation's truth; `linkage.linkage_share_accuracy`). The deterministic "
            "link is the published pnc_npd_link; the probabilistic link is a "
            "Fellegi-Sunter model of the same records, a yardstick: its extra recall "
            "is what the deterministic rules cost.\n\n" + "\n".join(rows)
        )
    return "\n\n".join(parts)


# --- the cut ------------------------------------------------------------------

_PROJECT = "datafirst"


def _upstream_sources(manifest: dict, unique_id: str) -> set[str]:
    """The source extracts a node is built from, through any models."""
    seen, stack, found = set(), [unique_id], set()
    while stack:
        node = stack.pop()
        for parent in manifest["parent_map"].get(node, []):
            if parent in seen:
                continue
            seen.add(parent)
            if parent.startswith("source."):
                found.add(parent)
            elif parent.startswith("model."):
                stack.append(parent)
    return found


def published_models(manifest: dict) -> dict[str, dict]:
    """The published tables (marts, the linking tables included) by node id."""
    return {
        uid: node
        for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and "marts" in node.get("tags", [])
    }


def code_lists(manifest: dict) -> dict[tuple[str, str], str]:
    """(model id, column) -> the code list (seed) its relationships test names."""
    seeds = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "seed"}
    out = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("test_metadata"):
            continue
        if node["test_metadata"]["name"] != "relationships":
            continue
        target = str(node["test_metadata"]["kwargs"].get("to", ""))
        seed = next((s for s in seeds if f"'{s}'" in target), None)
        if seed and node.get("attached_node") and node.get("column_name"):
            out[(node["attached_node"], node["column_name"])] = seed
    return out


def researcher_artifacts(manifest: dict, catalog: dict, figures: Figures) -> tuple[dict, dict]:
    """The researchers' manifest and catalog, cut from the engineers'."""
    nodes = manifest["nodes"]
    marts = published_models(manifest)
    seeds = {uid: n for uid, n in nodes.items() if n["resource_type"] == "seed"}
    decoded_by = code_lists(manifest)
    sources = {
        uid: s
        for uid, s in manifest["sources"].items()
        if s["source_name"] != "truth" and not s["source_name"].startswith("truth")
    }
    access = dataset_access()

    kept: dict[str, dict] = {}
    used_sources: set[str] = set()
    for uid, node in marts.items():
        node = json.loads(json.dumps(node))
        upstream = sorted(s for s in _upstream_sources(manifest, uid) if s in sources)
        used_sources.update(upstream)
        lists = sorted({decoded_by[(uid, c)] for c in node["columns"] if (uid, c) in decoded_by})
        node["depends_on"] = {
            "nodes": upstream + [f"seed.{_PROJECT}.{s}" for s in lists],
            "macros": [],
        }
        for name, column in node["columns"].items():
            extra = []
            rows = figures.profile.get((node["name"], name))
            if rows:
                extra.append(profile_text(rows))
            if (uid, name) in decoded_by:
                extra.append(f"Code list: {_seed_link(decoded_by[(uid, name)])}.")
            if extra:
                column["description"] = (column.get("description") or "").rstrip() + (
                    "\n\n" + " ".join(extra)
                )
        folder = Path(node["original_file_path"]).parent.name
        if folder in access:
            node["description"] = (
                node["description"].rstrip() + "\n\n" + access_text(*access[folder])
            )
        if node["name"] in registry.SHARE_LINKING_TABLES and share_link_text(figures):
            node["description"] = node["description"].rstrip() + "\n\n" + share_link_text(figures)
        # Which internal model a table's rows come from is the engineers' concern.
        for meta in (node["meta"], node["config"]["meta"]):
            meta.pop("rows_in", None)
        _release_relation(node)
        kept[uid] = node
    used_by: dict[str, list[str]] = {}
    for (uid, _), seed in decoded_by.items():
        if uid in marts:
            used_by.setdefault(seed, []).append(marts[uid]["name"])
    for uid, node in seeds.items():
        node = json.loads(json.dumps(node))
        tables = sorted(set(used_by.get(node["name"], [])))
        node["description"] = (
            (node.get("description") or "").rstrip()
            + "\n\n"
            + code_list_table(node["name"])
            + (
                "\n\nDecodes columns of: " + ", ".join(f"`{t}`" for t in tables) + "."
                if tables
                else ""
            )
        )
        node["depends_on"] = {"nodes": [], "macros": []}
        _release_relation(node)
        kept[uid] = node
    # The tests of the tables and code lists that read nothing else (a
    # reconciliation with an internal model is the engineers' concern).
    for uid, node in nodes.items():
        if (
            node["resource_type"] == "test"
            and node.get("attached_node") in kept
            and all(n in kept for n in node["depends_on"]["nodes"])
        ):
            node = json.loads(json.dumps(node))
            node["depends_on"]["macros"] = []
            kept[uid] = node
    kept_sources = {}
    for uid in used_sources:
        source = json.loads(json.dumps(sources[uid]))
        source["description"] = (
            "A source system's extract (not released to researchers; shown for "
            "lineage). " + (source.get("description") or "")
        )
        kept_sources[uid] = source

    parent_map = {uid: list(n["depends_on"]["nodes"]) for uid, n in kept.items()}
    parent_map.update({uid: [] for uid in kept_sources})
    child_map: dict[str, list[str]] = {uid: [] for uid in parent_map}
    for uid, parents in parent_map.items():
        for parent in parents:
            child_map.setdefault(parent, []).append(uid)
    out = {
        **manifest,
        "nodes": kept,
        "sources": kept_sources,
        "macros": {},
        "exposures": {},
        "metrics": {},
        "semantic_models": {},
        "saved_queries": {},
        "unit_tests": {},
        "functions": {},
        "disabled": {},
        "parent_map": parent_map,
        "child_map": {k: sorted(v) for k, v in child_map.items()},
        "group_map": {},
        "groups": {},
        # Descriptions are rendered already; the landing page is the only
        # doc block the site reads.
        "docs": {
            f"doc.{_PROJECT}.__overview__": {
                **manifest["docs"][f"doc.{_PROJECT}.__overview__"],
                "block_contents": landing_page(
                    manifest["docs"][f"doc.{_PROJECT}.__overview__"]["block_contents"],
                    figures,
                ),
            },
        },
    }
    cut_catalog = {
        **catalog,
        "nodes": {uid: _release_catalog(n) for uid, n in catalog["nodes"].items() if uid in kept},
        "sources": {uid: n for uid, n in catalog.get("sources", {}).items() if uid in kept_sources},
    }
    return out, cut_catalog


def _release_relation(node: dict) -> None:
    """Point a node at the research release: its example SQL reads
    datafirst_release.<schema>.<table>."""
    node["database"] = RELEASE_DATABASE
    node["identifier"] = node.get("alias") or node["name"]
    node["relation_name"] = f'"{RELEASE_DATABASE}"."{node["schema"]}"."{node["identifier"]}"'


def _release_catalog(entry: dict) -> dict:
    entry = json.loads(json.dumps(entry))
    entry.setdefault("metadata", {})["database"] = RELEASE_DATABASE
    return entry


def landing_page(overview: str, figures: Figures) -> str:
    """The engineers' landing page, with access, measured quality and the
    caveats a researcher must read before the rest."""
    access = dataset_access()
    rows = [
        "| dataset | coverage | held at | approved by | linkage |",
        "|---|---|---|---|---|",
    ]
    for code, (terms, linked_by) in access.items():
        rows.append(
            f"| `{code}` | {terms.coverage} | {terms.held_at} | {terms.approved_by} | {linked_by} |"
        )
    safes = "\n".join(f"{i}. **{name}**: {what}." for i, (name, what) in enumerate(FIVE_SAFES, 1))
    parts = [
        "# For researchers: access, quality and caveats",
        "This catalogue shows what researchers receive: the published tables, the "
        "linking tables and the code lists. Every column gives its completeness "
        "overall and by year, measured on this build.",
        "## Access and use",
        "\n".join(rows),
        "Every dataset is reached the same way, through the Five Safes:",
        safes,
        "## Caveats",
        "\n".join(f"- {c}" for c in CAVEATS),
    ]
    if figures.accuracy:
        quality = [
            "| linkage scope | precision | recall | F1 |",
            "|---|---|---|---|",
            *(
                f"| `{r['scope']}` | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |"
                for r in figures.accuracy
            ),
        ]
        parts += [
            "## Measured linkage quality (this build, default threshold)",
            "\n".join(quality),
        ]
    if share_link_text(figures):
        parts += ["## The MoJ-DfE share's link (pnc_npd_link)", share_link_text(figures)]
    gaps = [
        f"- `{r['scope']}` by {r['group_type'].replace('_', ' ')}: recall "
        f"{r['worst_recall']:.3f} for '{r['worst_recall_group']}' against "
        f"{r['best_recall']:.3f} for '{r['best_recall_group']}' (F1 gap {r['f1_gap']:.3f})"
        for r in figures.fairness
        if r["f1_gap"] is not None and r["f1_gap"] > 0.01
    ]
    if gaps:
        parts += [
            "## Where linkage quality differs between groups",
            "Findings that compare these groups may reflect the linkage, not the "
            "people (linkage.linkage_accuracy_fairness):",
            "\n".join(gaps),
        ]
    return "\n\n".join(parts) + "\n\n---\n\n" + overview


def write_index(manifest: dict, catalog: dict, out: Path) -> Path:
    """One offline HTML file, as ``dbt docs generate --static`` writes it."""
    from dbt.task.docs import DOCS_INDEX_FILE_PATH

    page = Path(DOCS_INDEX_FILE_PATH).read_text()
    page = page.replace('"MANIFEST.JSON INLINE DATA"', json.dumps(manifest))
    page = page.replace('"CATALOG.JSON INLINE DATA"', json.dumps(catalog))
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").write_text(json.dumps(manifest))
    (out / "catalog.json").write_text(json.dumps(catalog))
    index = out / "index.html"
    index.write_text(page)
    return index


def build(target: Path, warehouse: Path, out: Path) -> Path:
    """The researchers' catalogue from dbt's artifacts in ``target`` (after
    ``dbt docs generate``) and the figures of ``warehouse``."""
    manifest = json.loads((target / "manifest.json").read_text())
    catalog = json.loads((target / "catalog.json").read_text())
    cut, cut_catalog = researcher_artifacts(manifest, catalog, read_figures(warehouse))
    return write_index(cut, cut_catalog, out)
