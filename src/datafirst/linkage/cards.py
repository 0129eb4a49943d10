"""Model cards: what a trained linkage model was trained on, how it compares
and blocks records, and why its thresholds are where they are."""

from __future__ import annotations

from pathlib import Path

from datafirst.linkage.review import PRIOR_PAIRS


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
        "up to 40 pairs per band were drawn in a reproducible order and labelled as "
        "a reviewer would (same person or not). A band's precision is estimated from "
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
            for level in ("low", "default", "high")
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
        "Match weight of each level (log2 of m/u), strongest first.",
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
