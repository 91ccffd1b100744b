"""Draws the suite's results as one PNG: throughput against the enricher count (median, with
the spread of the runs, and newsctl parse's rate as the reference), p99 latency at half the
maximum rate against the enricher count, and each worker's RSS over the long run (the broker's
only in the title: the local broker keeps every record in memory, so its RSS says nothing about
the workers).

Usage: plot.py RESULTS.json OUT.png
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)


def series(configurations, kind, value):
    """{concurrency label: [(enrichers, median, low, high)]} for one kind of configuration."""
    lines = {}
    for entry in configurations:
        configuration = entry["configuration"]
        if configuration["kind"] != kind or configuration.get("passthrough") or not entry["results"]:
            continue
        values = [value(result) for result in entry["results"]]
        concurrency = configuration.get("concurrency")
        name = f"--concurrency {concurrency}" if concurrency else "default concurrency"
        lines.setdefault(name, []).append((configuration["enrichers"], value(entry["median"]), min(values), max(values)))
    return {name: sorted(points) for name, points in lines.items()}


def draw_against_enrichers(axes, lines, ylabel, title):
    for name, points in lines.items():
        enrichers = [p[0] for p in points]
        medians = [p[1] for p in points]
        spread = [[p[1] - p[2] for p in points], [p[3] - p[1] for p in points]]
        axes.errorbar(enrichers, medians, yerr=spread, marker="o", capsize=3, label=name)
    axes.set_xlabel("enrichers")
    axes.set_ylabel(ylabel)
    axes.set_title(title, fontsize=10)
    axes.set_xticks(sorted({p[0] for points in lines.values() for p in points}))
    axes.set_ylim(bottom=0)


def reference_line(axes, value, text, style):
    if value:
        axes.set_ylim(0, max(axes.get_ylim()[1], value * 1.1))
        axes.axhline(value, linestyle=style, color="grey", linewidth=1)
        axes.annotate(text, (axes.get_xlim()[0], value), fontsize=7, color="dimgrey",
                      xytext=(3, 2), textcoords="offset points")


def main():
    results = json.load(open(sys.argv[1]))
    configurations = results["configurations"]
    machine = results["plan"]["machine"]
    figure, (throughput, latency, memory) = plt.subplots(1, 3, figsize=(13, 3.8))

    draw_against_enrichers(throughput, series(configurations, "pipeline", lambda r: r["articles_per_s"]),
                           "articles/s", "pipeline throughput, flat out")
    parse = next((e["median"] for e in configurations if e["key"] == "parse" and e["median"]), None)
    if parse:
        reference_line(throughput, parse["articles_per_s"], "newsctl parse, one process", "--")
        reference_line(throughput, parse["articles_per_s"] * results["targets"]["of_parse"], "target 0.8 x parse", ":")
    throughput.legend(fontsize=7, loc="lower right")

    draw_against_enrichers(latency, series(configurations, "latency", lambda r: r["latency_ms"]["p99"]),
                           "p99 ms, produce -> sink write", "latency at half the maximum rate")
    reference_line(latency, results["targets"]["p99_ms"], "target 250 ms", ":")

    soak = next((e for e in configurations if e["configuration"]["kind"] == "soak" and e["results"]), None)
    if soak:
        run = soak["results"][0]
        for name, points in run["rss_timeline"].items():
            if name != "broker":
                memory.plot([p[0] for p in points], [p[1] for p in points], label=name, linewidth=1)
        broker_peak = run["workers"]["broker"]["peak_rss_mb"]
        memory.set_title(f"RSS over {run['articles']:,} articles (broker peak {broker_peak:,.0f} MB)", fontsize=10)
        reference_line(memory, results["targets"]["peak_rss_mb"], "target 150 MB per worker", ":")
        memory.legend(fontsize=7, loc="center right")
    memory.set_xlabel("seconds")
    memory.set_ylabel("RSS MB")
    memory.set_ylim(bottom=0)

    figure.suptitle(f"{results['plan']['command']}  |  commit {machine['commit']}  |  "
                    f"{machine['nproc']} x {machine['cpu_model']}", fontsize=9)
    figure.tight_layout()
    figure.savefig(sys.argv[2], dpi=72)


if __name__ == "__main__":
    main()
