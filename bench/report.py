"""docs/benchmarks/benchmarks.md and its plots, from every size saved under .local/bench/.

The targets of issue 8 are checked as ratios of figures from the same run, so
the report says for each one what was measured and whether it is met.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from bench.probes import BY_NUMBER
from kb import localdb
from kb.config import PROJECT_ROOT

DOCS = PROJECT_ROOT / "docs" / "benchmarks"
LATENCY_PLOT = "bench-latency.png"
NOTES = DOCS / "benchmarks-notes.md"  # hand-written reading of the figures, kept as is


def load(results: Path) -> list[dict[str, Any]]:
    runs = [json.loads(path.read_text()) for path in results.glob("results-*.json")]
    return sorted(runs, key=lambda run: run["claims"])


def write(results: Path) -> None:
    runs = load(results)
    if not runs:
        return
    plot(runs, DOCS / LATENCY_PLOT)
    (DOCS / "benchmarks.md").write_text("\n".join(lines(runs)) + "\n")


def _load_note(runs: list[dict[str, Any]]) -> str:
    """How busy the machine was: the benchmark shares its 2 cores with Neo4j only if the
    load average stays near 2."""
    loads = [run.get("load_average_1m_at_end") for run in runs]
    if any(load is None for load in loads):
        return "The load on the machine was not recorded for every size."
    return (
        "Nothing else ran on the machine (1-minute load average at the end of each size: "
        + ", ".join(f"{load:.1f}" for load in loads)
        + "; the benchmark, its server and its HTTP clients share the 2 cores)."
    )


def _cores(cores: dict[str, float] | None) -> str:
    """CPU cores each part kept busy (of the machine's 2), or a dash if not measured."""
    if not cores:
        return "—"
    return " / ".join(f"{value:.2f}" for value in cores.values())


def _fmt(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def lines(runs: list[dict[str, Any]]) -> list[str]:
    out = [
        "# Benchmarks",
        "",
        "Measured by `python -m bench` (`make bench`) — "
        + ", ".join(f"{run['claims']:,} claims on {run.get('measured_at', '?')}" for run in runs)
        + f"; {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"Neo4j {localdb.neo4j_version()} from the local launcher ({runs[-1].get('memory', '')}). "
        + _load_note(runs),
        "",
        "Graphs come from `bench/graphgen.py` (sources of 50-100 claims with 8-level support "
        "DAGs, one hub premise and one sink conclusion per 10,000 claims, causal links, ~20% "
        "of claims asserted twice, power-law actor mentions, evidence on ~10% of claims, slots "
        "on checkable claims). The probes are chosen so that each answer has the same size at "
        "every graph size (the answer column says how many items came back).",
        "",
        *targets(runs),
        "",
        "## Loading",
        "",
        "| claims | nodes | relationships | neo4j-admin import s | import rows/s "
        "| first load total s | UNWIND rows/s (batch 5,000) |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        imp = run.get("import", {})
        unwind = run.get("unwind", {}).get("full")
        unwind_rate = _fmt(unwind["rows_per_second"], 0) if unwind else "—"
        import_seconds = _fmt(imp.get("phases", {}).get("import"))
        out.append(
            f"| {run['claims']:,} | {imp.get('nodes', 0):,} | {imp.get('relationships', 0):,} "
            f"| {import_seconds} | {_fmt(imp.get('rows_per_second'), 0)} "
            f"| {_fmt(imp.get('seconds'))} | {unwind_rate} |"
        )
    phases = runs[-1].get("import", {}).get("phases", {})
    out += [
        "",
        f"First load phases at {runs[-1]['claims']:,} claims (s): "
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in phases.items())
        + ". `import` is neo4j-admin itself; `start` restarts the server on the new store; "
        "`schema` creates constraints and indexes; `indexes` waits until they are online; "
        "`derived` brings stored status and standing current.",
    ]
    sweep = next(
        (run["unwind"]["batch_sweep"] for run in runs if "batch_sweep" in run.get("unwind", {})),
        None,
    )
    if sweep:
        out += [
            "",
            "UNWIND batch size (claims and their supports of the smallest graph, "
            "one batch per transaction):",
            "",
            "| batch | rows/s |",
            "|---|---|",
        ]
        out += [f"| {int(b):,} | {fig['rows_per_second']:,.0f} |" for b, fig in sweep.items()]
    out += [
        "",
        "## Reads in-process (ms)",
        "",
        "API: the Flask test client, no socket. Raw: the same Cypher statements the "
        "request ran (captured from its transactions), replayed in one read transaction "
        "on a bare driver session, every record fetched.",
        "",
    ]
    read_runs = [run for run in runs if run.get("reads")]
    if not read_runs:
        out += ["No size has read figures yet (see the notes below)."]
    header = "| endpoint | " + " | ".join(
        f"{run['claims']:,} API p50 / p95 | raw p50 | answer" for run in read_runs
    )
    if read_runs:
        out += [header + " |", "|---" * (1 + 3 * len(read_runs)) + "|"]
    for name in read_runs[0]["reads"] if read_runs else []:
        cells = []
        for run in read_runs:
            fig = run.get("reads", {}).get(name)
            if fig is None:
                cells += ["—", "—", "—"]
                continue
            flag = f" ({fig['errors']} errors)" if fig.get("errors") else ""
            cells += [
                f"{fig['api']['p50']:.1f} / {fig['api']['p95']:.1f}{flag}",
                f"{fig['raw']['p50']:.1f}",
                str(fig["answer"]),
            ]
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    if read_runs:
        out += ["", f"![read latency by graph size]({LATENCY_PLOT})"]
    # CPU per part is recorded since 2026-11-30: older saved sizes have none.
    cores = any(run.get("http", {}).get("reads", {}).get("cpu_cores") for run in runs)
    out += [
        "",
        "## HTTP (`kb serve`)",
        "",
        "gunicorn, 2 workers x 8 threads; 8 client threads on the same machine for mixed "
        "reads (detail of random claims, list, search, walks, impact, chains), then 4 for "
        "evidence writes (each a new URL on a random claim).",
        "",
        "| claims | mixed reads req/s | errors | p50 ms | p95 ms | writes/s | errors "
        "| status of written claims | Neo4j RSS MB | workers RSS MB"
        + (" | cores busy under reads: Neo4j / workers / clients |" if cores else " |"),
        "|---" * (11 if cores else 10) + "|",
    ]
    for run in runs:
        http = run.get("http")
        if not http:
            continue
        reads, writes = http["reads"], http["writes"]
        out.append(
            f"| {run['claims']:,} | {reads['per_second']:.1f} | {reads['errors']} "
            f"| {_fmt(reads['latency'].get('p50'))} | {_fmt(reads['latency'].get('p95'))} "
            f"| {writes['per_second']:.1f} | {writes['errors']} "
            f"| {', '.join(f'{k}: {v}' for k, v in writes['status_current'].items())} "
            f"| {http['rss_mb']['neo4j']:.0f} | {http['rss_mb']['workers']:.0f} |"
            + (f" {_cores(reads.get('cpu_cores'))} |" if cores else "")
        )
    out += gaps(runs)
    if NOTES.exists():
        out += ["", NOTES.read_text().strip()]
    out += [
        "",
        "The article's own graph (walks, impact, evidence writes on article-001) is "
        "measured by `python -m bench.run`: [benchmarks-article.md](benchmarks-article.md).",
    ]
    return out


def gaps(runs: list[dict[str, Any]]) -> list[str]:
    """The py-spy profile of every read that missed a target at the largest size read."""
    with_reads = [run for run in runs if run.get("reads")]
    if not with_reads:
        return []
    large = with_reads[-1]
    profiled = {name: fig["profile"] for name, fig in large["reads"].items() if "profile" in fig}
    if not profiled:
        return []
    out = [
        "",
        f"## Where the misses spend their time ({large['claims']:,} claims)",
        "",
        "py-spy on the benchmark process while the request repeats (all threads, CPU "
        "samples only): the project's frames by inclusive share, then the hottest frames "
        "of any code by self share.",
        "",
    ]
    for name, prof in profiled.items():
        fig = large["reads"][name]
        out.append(
            f"**{name}** (API p50 {fig['api']['p50']:.1f} ms, raw {fig['raw']['p50']:.1f} "
            f"ms, {fig['statements']} statements):"
        )
        if "error" in prof:
            out += ["", f"- {prof['error']}", ""]
            continue
        out.append("")
        out += [f"- {share:.0%} in `{frame}`" for frame, share in prof["inclusive"][:6]]
        out.append(
            "- hottest: " + "; ".join(f"`{frame}` {share:.0%}" for frame, share in prof["self"][:4])
        )
        out.append("")
    return out


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def targets(runs: list[dict[str, Any]]) -> list[str]:
    """Issue 8's targets as ratios of this run's figures; met or not."""
    with_reads = [run for run in runs if run.get("reads")] or runs[:1]
    small, large = with_reads[0], with_reads[-1]
    rows: list[tuple[str, str, bool | None]] = []
    reads_small, reads_large = small.get("reads", {}), large.get("reads", {})
    if len(with_reads) > 1:
        worst = max(
            (
                (name, _ratio(reads_large[name]["api"]["p50"], fig["api"]["p50"]))
                for name, fig in reads_small.items()
                if name in reads_large and name != BY_NUMBER
            ),
            key=lambda item: item[1],
            default=("", 0.0),
        )
        rows.append(
            (
                f"every read: p50 at {large['claims']:,} ≤ 2x p50 at {small['claims']:,} "
                "(the page-number deep page aside: its depth grows with the graph)",
                f"worst: {worst[0]} {worst[1]:.2f}x",
                worst[1] <= 2.0,
            )
        )
    for name in ("detail", "list page 1", "search"):
        if name in reads_large:
            p95 = reads_large[name]["api"]["p95"]
            rows.append((f"{name}: p95 ≤ 50 ms at {large['claims']:,}", f"{p95:.1f} ms", p95 <= 50))
    if reads_large:
        name, ratio = max(
            (
                (name, _ratio(fig["api"]["p50"], fig["raw"]["p50"]))
                for name, fig in reads_large.items()
            ),
            key=lambda item: item[1],
        )
        rows.append(
            (
                "API p50 ≤ 1.5x raw driver p50 (every read)",
                f"worst: {name} {ratio:.2f}x",
                ratio <= 1.5,
            )
        )
    http = large.get("http")
    if http:
        reads = http["reads"]
        rows.append(
            (
                f"mixed reads over HTTP ≥ 200 req/s, 0 errors at {large['claims']:,}",
                f"{reads['per_second']:.1f} req/s, {reads['errors']} errors",
                reads["per_second"] >= 200 and reads["errors"] == 0,
            )
        )
        writes = http["writes"]
        current = set(writes["status_current"]) <= {"supported", "contested"}
        rows.append(
            (
                f"evidence writes ≥ 50/s with status current at {large['claims']:,}",
                f"{writes['per_second']:.1f}/s, {writes['errors']} errors, "
                f"status {'current' if current else 'NOT current'}",
                writes["per_second"] >= 50 and current,
            )
        )
    loaded = runs[-1]
    imp = loaded.get("import")
    if imp:
        rows.append(
            (
                f"first load of {loaded['claims']:,} claims ≤ 5 min",
                f"{imp['seconds']:.0f} s ({imp['relationships']:,} relationships)",
                imp["seconds"] <= 300,
            )
        )
    rss = [run.get("generator_max_rss_mb") for run in runs if run.get("generator_max_rss_mb")]
    if rss:
        rows.append(
            (
                "memory flat as the input grows (generator + loader, max RSS MB)",
                " / ".join(f"{value:.0f}" for value in rss),
                rss[-1] <= 2 * rss[0],
            )
        )
    out = ["## Targets (issue 8)", "", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in rows:
        out.append(f"| {target} | {measured} | {'met' if met else 'not met'} |")
    return out


def plot(runs: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = [run for run in runs if run.get("reads")]
    if not runs:
        return
    sizes = [run["claims"] for run in runs]
    names = list(runs[0]["reads"])
    fig, axes = plt.subplots(1, 2, figsize=(13, 5.5))
    for ax, which, title in (
        (axes[0], "api", "API (in-process)"),
        (axes[1], "raw", "raw driver, same Cypher"),
    ):
        for name in names:
            values = [run["reads"][name][which]["p50"] for run in runs if name in run["reads"]]
            ax.plot(sizes[: len(values)], values, marker="o", label=name)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("claims in the graph")
        ax.set_ylabel("p50 latency (ms)")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
