"""Medians per configuration over the suite's runs, the ratios issue 10 is judged on, and the
table printed at the end (OUT/summary.txt); OUT/results.json is what plot.py reads."""

import argparse
import json
import statistics
from pathlib import Path

TARGETS = {"of_parse": 0.8, "passthrough_of_hop": 0.25, "p99_ms": 250, "peak_rss_mb": 150}
# Worker names in the tables, in order.
WORKER_CLASSES = ["producer", "publisher", "enrichers", "sink", "broker", "harness", "raw-hop", "newsctl-parse"]


def config_key(configuration):
    kind = configuration["kind"]
    if kind in ("parse", "raw-hop"):
        return kind
    if kind == "soak":
        return f"soak/e{configuration['enrichers']}"
    key = f"{kind}/e{configuration['enrichers']}/c{configuration['concurrency'] or 'default'}"
    if configuration.get("passthrough"):
        key += "/passthrough"
    return key + "/preloaded" if configuration.get("preloaded") else key


def label(configuration):
    kind = configuration["kind"]
    if kind == "parse":
        return "newsctl parse, one process"
    if kind == "raw-hop":
        return "raw consume->produce hop (Python)"
    enrichers = configuration["enrichers"]
    text = f"{enrichers} enricher{'s' if enrichers > 1 else ''}"
    if configuration.get("concurrency"):
        text += f", --concurrency {configuration['concurrency']}"
    if configuration.get("passthrough"):
        text += ", --passthrough"
    if configuration.get("preloaded"):
        text += ", topic preloaded"
    prefix = {"pipeline": "pipeline", "latency": "latency at half max,", "soak": "soak,"}[kind]
    return f"{prefix} {text}"


def one_line(result):
    text = f"{result['articles_per_s']:.1f} articles/s, {result['mb_per_s']:.2f} MB/s over {result['articles']} articles"
    if result.get("latency_ms"):
        latency = result["latency_ms"]
        text += f"; latency p50 {latency['p50']:.0f} ms, p99 {latency['p99']:.0f} ms, max {latency['max']:.0f} ms"
    if "other_load_cores" in result:
        text += f"; other processes used {result['other_load_cores']:.2f} cores"
    return text


def load_runs(out):
    documents = [json.loads(path.read_text()) for path in sorted(Path(out).glob("runs/*/result.json"))]
    return [(document["run"], document["result"]) for document in documents]


def median_rate(out, key):
    rates = [result["articles_per_s"] for run, result in load_runs(out)
             if config_key(run) == key and result["status"] == "ok"]
    return statistics.median(rates) if rates else None


def worker_classes(result):
    """Per worker class: CPU s per 1,000 articles and peak RSS; the enrichers as one class."""
    classes = {name: figures for name, figures in result.get("workers", {}).items() if not name.startswith("enricher-")}
    if "enrichers" in result:
        classes["enrichers"] = result["enrichers"]
    return classes


def median_or_none(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None


def latency_medians(results, field):
    summaries = [result[field] for result in results if result.get(field)]
    return {p: median_or_none([s[p] for s in summaries]) for p in ("p50", "p99", "max")} if summaries else None


def medians(results):
    classes = [worker_classes(result) for result in results]
    names = [name for name in WORKER_CLASSES if any(name in c for c in classes)]
    return {
        "articles_per_s": median_or_none([result["articles_per_s"] for result in results]),
        "mb_per_s": median_or_none([result["mb_per_s"] for result in results]),
        "latency_ms": latency_medians(results, "latency_ms"),
        "latency_to_enricher_ms": latency_medians(results, "latency_to_enricher_ms"),
        "latency_enricher_to_sink_ms": latency_medians(results, "latency_enricher_to_sink_ms"),
        "workers": {name: {metric: median_or_none([c.get(name, {}).get(metric) for c in classes])
                           for metric in ("cpu_s_per_1000", "peak_rss_mb")} for name in names},
        "other_load_cores": median_or_none([result.get("other_load_cores") for result in results]),
        "published_rate": median_or_none([result["publisher"]["rate"] for result in results if "publisher" in result]),
    }


def aggregate(out):
    plan = json.loads((Path(out) / "plan.json").read_text())
    grouped = {}
    for run, result in load_runs(out):
        entry = grouped.setdefault(config_key(run), {"key": config_key(run), "label": label(run),
                                                     "configuration": {k: v for k, v in run.items()
                                                                       if k not in ("index", "repeat", "corpus")},
                                                     "results": [], "failures": []})
        if result["status"] == "ok":
            entry["results"].append(result)
        else:
            entry["failures"].append(result["error"])
    for entry in grouped.values():
        entry["median"] = medians(entry["results"]) if entry["results"] else None
    configurations = list(grouped.values())
    return {"plan": {k: plan[k] for k in ("started", "command", "machine", "features", "settings")},
            "configurations": configurations, "skipped": plan["skipped"], "ratios": ratios(configurations),
            "targets": TARGETS}


def ratios(configurations):
    by_key = {entry["key"]: entry["median"] for entry in configurations if entry["median"]}
    parse_rate = by_key.get("parse", {}).get("articles_per_s")
    hop_rate = by_key.get("raw-hop", {}).get("articles_per_s")
    found = {}
    for key, median in by_key.items():
        if key.startswith("pipeline/") and "/passthrough" not in key and parse_rate:
            found[f"{key} / parse"] = median["articles_per_s"] / parse_rate
        if "/passthrough" in key and hop_rate:
            found[f"{key} / raw-hop"] = median["articles_per_s"] / hop_rate
    return found


# MARK: the table


def number(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def table(rows):
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(width) if column else cell.ljust(width)
                               for column, (cell, width) in enumerate(zip(row, widths))).rstrip()
                     for row in rows)


def throughput_rows(configurations, ratio_of):
    header = ["configuration", "runs", "articles/s", "MB/s", "ratio", "p50 ms", "p99 ms", "max ms",
              "CPU s/1000: producer*", "enrichers", "sink", "broker", "harness", "peak RSS MB: enricher", "sink",
              "broker", "other load"]
    rows = [header]
    for entry in configurations:
        median = entry["median"]
        if entry["configuration"]["kind"] in ("latency", "soak"):
            continue
        if not median:
            rows.append([entry["label"], f"0/{len(entry['failures'])}"] + ["failed"] + [""] * (len(header) - 3))
            continue
        workers = median["workers"]
        feeder = workers.get("producer") or workers.get("raw-hop") or workers.get("newsctl-parse") or {}
        latency = median["latency_ms"] or {}
        rows.append([
            entry["label"], f"{len(entry['results'])}", number(median["articles_per_s"]), number(median["mb_per_s"], 2),
            ratio_of.get(entry["key"], ""), number(latency.get("p50"), 0), number(latency.get("p99"), 0),
            number(latency.get("max"), 0), number(feeder.get("cpu_s_per_1000"), 2),
            number(workers.get("enrichers", {}).get("cpu_s_per_1000"), 2),
            number(workers.get("sink", {}).get("cpu_s_per_1000"), 2),
            number(workers.get("broker", {}).get("cpu_s_per_1000"), 2),
            number(workers.get("harness", {}).get("cpu_s_per_1000"), 2),
            number(workers.get("enrichers", {}).get("peak_rss_mb"), 0),
            number(workers.get("sink", {}).get("peak_rss_mb"), 0),
            number(workers.get("broker", {}).get("peak_rss_mb"), 0),
            number(median["other_load_cores"], 2),
        ])
    return rows


def latency_rows(configurations):
    rows = [["configuration", "runs", "target rate/s", "held rate/s", "p50 ms", "p99 ms", "max ms",
             "to enricher p50/p99", "enricher to sink p50/p99", "other load"]]
    for entry in configurations:
        if entry["configuration"]["kind"] != "latency" or not entry["median"]:
            continue
        median, latency = entry["median"], entry["median"]["latency_ms"]
        target = statistics.median(result["publisher"]["target_rate"] for result in entry["results"])
        rows.append([entry["label"], f"{len(entry['results'])}", number(target), number(median["published_rate"]),
                     number(latency["p50"], 0), number(latency["p99"], 0), number(latency["max"], 0),
                     stage(median["latency_to_enricher_ms"]), stage(median["latency_enricher_to_sink_ms"]),
                     number(median["other_load_cores"], 2)])
    return rows


def stage(latency):
    return f"{number(latency['p50'], 0)} / {number(latency['p99'], 0)}" if latency else "-"


def soak_lines(configurations):
    lines = []
    for entry in configurations:
        if entry["configuration"]["kind"] != "soak" or not entry["results"]:
            continue
        result = entry["results"][0]
        lines.append(f"{entry['label']}: {one_line(result)}")
        for name, figures in result["workers"].items():
            if figures.get("peak_rss_mb") is not None:
                growth = result.get("rss_growth_mb", {}).get(name)
                lines.append(f"  {name}: peak RSS {figures['peak_rss_mb']:.0f} MB, "
                             f"last quarter vs second quarter {'-' if growth is None else f'{growth:+.1f}'} MB")
    return lines


def summary(results):
    plan = results["plan"]
    machine, settings = plan["machine"], plan["settings"]
    ratio_of = {}
    for name, value in results["ratios"].items():
        key, _, base = name.partition(" / ")
        ratio_of[key] = f"{value:.2f} x {base}"
    lines = [
        f"{plan['command']}  ({plan['started']}, commit {machine['commit']})",
        f"machine: {machine['nproc']} x {machine['cpu_model']}, {machine['memory_gb']} GB, {machine['os']}, "
        f"librdkafka {machine['librdkafka']}, {machine['broker']}",
        f"{settings['articles']} articles per run, {settings['partitions']} partitions, "
        f"medians of up to {settings['repeats']} runs; latency from received_at to the sink's write",
        "", "Throughput, flat out (producer*: for parse and the hop, that one process; harness: this suite's"
        " sink watcher and sampler; other load: cores other processes on the machine used meanwhile):",
        table(throughput_rows(results["configurations"], ratio_of)),
        "", "Latency at about half the maximum rate:", table(latency_rows(results["configurations"])),
        "", "Memory over a long run:", *soak_lines(results["configurations"]),
    ]
    if results["skipped"]:
        lines += ["", "Skipped:"] + [f"  {s['label']}: {s['reason']}" for s in results["skipped"]]
    failures = [(entry["label"], error) for entry in results["configurations"] for error in entry["failures"]]
    if failures:
        lines += ["", "Failed runs:"] + [f"  {name}: {error}" for name, error in failures]
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(prog="suite.py report")
    parser.add_argument("--out", required=True, type=Path)
    out = parser.parse_args(argv).out
    results = aggregate(out)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    text = summary(results)
    (out / "summary.txt").write_text(text)
    print(text)
    return 0
