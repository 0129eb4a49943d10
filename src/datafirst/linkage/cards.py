"""Model cards: what a trained linkage model was trained on, how it compares
and blocks records, and why its thresholds are where they are."""

from __future__ import annotations

from pathlib import Path

from datafirst.linkage.review import PAIRS_PER_BAND, PRIOR_PAIRS
from datafirst.registry import THRESHOLD_LEVELS


def write_card(trained: dict, path: Path) -> None:
    meta = trained["datafirst"]
    splink = trained["splink"]
    t = meta["training"]
    rules = ", ".join(f"`{r}`" for r in meta["deterministic_rules"])
    lines = [
        f"# Model card: {meta['model']}",
        "",
        f"- Link type: `{meta['link_type']}` over {', '.join(meta['datasets'])}.",
        f"- Trained on a synthetic extract of {t.get('people', '?'):,} people "
        f"(generator seed {t['generator_seed']}, default error profile): "
        f"{t['records']:,} person records "
        f"({', '.join(f'{k} {v:,}' for k, v in t['records_per_dataset'].items())}).",
        "- u probabilities by random sampling; m probabilities by expectation "
        "maximisation blocked on: "
        + "; ".join(f"`{r}`" for r in meta["training_blocking_rules"])
        + ".",
        "- Prior (probability two random records match) re-estimated at every "
        f"prediction from the deterministic rules {rules} "
        f"with their measured recall {meta['deterministic_recall']:.3f}.",
        "",
        "## Blocking",
        "",
        "Pairs are scored when any of these rules holds:",
        "",
        *[f"- `{r}`" for r in meta["blocking_rules"]],
        "",
        f"On the training data these rules reach {t['reachable_by_blocking']:,} of "
        f"{t['true_pairs']:,} true matching pairs (blocking recall "
        f"{t['blocking_recall']:.4f}); {t['scored_pairs']:,} pairs scored with "
        "match probability >= 0.001.",
        "",
        "## Thresholds",
        "",
        "Chosen by a simulated clerical review (`datafirst.linkage.review`): pairs "
        "scored on the training data were put in bands of one unit of match weight, "
        f"up to {PAIRS_PER_BAND} pairs per band were drawn in a reproducible order and "
        "labelled as a reviewer would (same person or not). A band's precision is "
        "estimated from "
        f"its sample and the model's own mean match probability (worth {PRIOR_PAIRS} "
        "reviewed pairs), made monotone in match weight. The threshold for each level "
        "is the lowest band edge above which the estimated pairwise precision of all "
        "pairs reaches the target and no band is estimated below the level's floor.",
        "",
        "| level | target precision | band floor | match weight | match probability |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {level} | {meta['target_precision'][level]} | "
            f"{meta.get('band_precision_floor', {}).get(level, '-')} | "
            f"{meta['threshold_match_weights'][level]:.0f} | {meta['thresholds'][level]:.4f} |"
            for level in THRESHOLD_LEVELS
        ],
        "",
        "Clerical review sample (match-weight band: pairs in band, reviewed, labelled "
        "matches, the model's mean match probability, the estimated precision):",
        "",
        "| band | pairs | reviewed | matches | model | estimated |",
        "|---:|---:|---:|---:|---:|---:|",
        *[
            f"| {b['band']} | {b['pairs']:,} | {b['reviewed']} | {b['matches']} | "
            f"{b.get('model_precision', '-')} | {b.get('estimated_precision', '-')} |"
            for b in meta["clerical_review"]
        ],
        "",
        "## Comparisons and match weights",
        "",
        f"![Match weights, m and u, and precision and recall against the threshold]"
        f"({path.with_suffix('.png').name})",
        "",
        "Match weight of each level (log2 of m/u), strongest first.",
        "",
    ]
    regularisation = meta.get("regularisation")
    if regularisation:
        lines[-4:-4] = [
            "m probabilities regularised towards the pooled "
            f"`{regularisation['pooled_model']}` model (`datafirst.linkage.regularise`): "
            f"this model expects {regularisation['expected_matches']:,.0f} matching pairs "
            f"in training, the pooled estimate counts as {regularisation['pseudo_pairs']}. "
            "Levels changed (m from expectation maximisation, then regularised):",
            "",
            "| comparison | level | m (EM) | m |",
            "|---|---|---:|---:|",
            *[
                f"| {c['comparison']} | {c['level']} | {_probability(c['m_em'])} | {c['m']:.4g} |"
                for c in regularisation["levels"]
            ],
            "",
        ]
    import math

    for comparison in splink["comparisons"]:
        lines.append(f"### {comparison['output_column_name']}")
        lines.append("")
        lines.append("| level | m | u | match weight |")
        lines.append("|---|---:|---:|---:|")
        for level in comparison["comparison_levels"]:
            if level.get("is_null_level"):
                continue
            m, u = level.get("m_probability"), level.get("u_probability")
            weight = math.log2(m / u) if m and u else float("nan")
            lines.append(
                f"| {level['label_for_charts']} | {m if m is None else f'{m:.4g}'} | "
                f"{u if u is None else f'{u:.4g}'} | {weight:.2f} |"
            )
        lines.append("")
    path.write_text("\n".join(lines) + "\n")
    write_chart(trained, path.with_suffix(".png"))


def _probability(value: float | None) -> str:
    return "unseen" if value is None else f"{value:.4g}"


def _levels(splink: dict) -> list[tuple[str, float | None, float | None]]:
    """(comparison: level, m, u) of every non-null level, in model order."""
    return [
        (
            f"{c['output_column_name']}: {level['label_for_charts']}",
            level.get("m_probability"),
            level.get("u_probability"),
        )
        for c in splink["comparisons"]
        for level in c["comparison_levels"]
        if not level.get("is_null_level")
    ]


def write_chart(trained: dict, path: Path) -> None:
    """The charts a data scientist checks a Fellegi-Sunter model by: the
    match weight of every comparison level, its m and u probabilities, and
    the estimated precision and recall of the links above each threshold
    (from the clerical review's bands), with the chosen thresholds."""
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    meta, levels = trained["datafirst"], _levels(trained["splink"])
    labels = [label for label, _, _ in levels]
    weights = [math.log2(m / u) if m and u else 0.0 for _, m, u in levels]
    fig, (ax_w, ax_mu, ax_t) = plt.subplots(
        1, 3, figsize=(16, max(4.5, 0.22 * len(levels))), gridspec_kw={"width_ratios": [3, 3, 2]}
    )
    y = list(range(len(levels)))[::-1]
    ax_w.barh(
        y,
        [max(min(w, 25), -25) for w in weights],
        color=["#2a7" if w >= 0 else "#c44" for w in weights],
    )
    ax_w.set_yticks(y, labels, fontsize=6)
    ax_w.set_xlabel("match weight (log2 m/u, clipped at ±25)")
    ax_w.axvline(0, color="black", linewidth=0.5)
    ax_mu.scatter([m or 1e-9 for _, m, _ in levels], y, label="m", marker="o", s=12)
    ax_mu.scatter([u or 1e-9 for _, _, u in levels], y, label="u", marker="x", s=12)
    ax_mu.set_xscale("log")
    ax_mu.set_yticks(y, [""] * len(y))
    ax_mu.set_xlabel("probability (unseen levels at 1e-9)")
    ax_mu.legend(fontsize=7)
    bands = sorted(meta["clerical_review"], key=lambda b: -b["band"])
    estimated = [b["pairs"] * (b.get("estimated_precision") or 0) for b in bands]
    total = sum(estimated) or 1
    edges, precision, recall, true_sum, pair_sum = [], [], [], 0.0, 0
    for band, matches in zip(bands, estimated, strict=True):
        true_sum, pair_sum = true_sum + matches, pair_sum + band["pairs"]
        edges.append(band["band"])
        precision.append(true_sum / pair_sum)
        recall.append(true_sum / total)
    ax_t.plot(edges, precision, label="precision above", marker=".")
    ax_t.plot(edges, recall, label="share of estimated matches above", marker=".")
    for level, weight in meta["threshold_match_weights"].items():
        ax_t.axvline(weight, linestyle="--", linewidth=0.8, color="grey")
        ax_t.text(weight, 0.02, level, rotation=90, fontsize=7)
    ax_t.set_xlabel("threshold (match weight)")
    ax_t.set_ylim(0, 1.02)
    ax_t.legend(fontsize=7, loc="lower left")
    fig.suptitle(meta["model"], fontsize=10)
    fig.tight_layout()
    fig.subplots_adjust(left=0.2)
    fig.savefig(path, dpi=90)
    plt.close(fig)
