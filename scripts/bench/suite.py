"""The pipeline benchmark suite (issue 10), driven by scripts/bench.sh in three steps:

  suite.py plan [options]          checks what the build supports, generates the corpora, writes
                                   OUT/plan.json and prints OUT
  suite.py run --out OUT --index I runs one planned run against the broker in KAFKA_BROKERS
                                   (pid in BENCH_BROKER_PID), writing OUT/runs/NNN-*/result.json
  suite.py report --out OUT        medians per configuration: OUT/results.json, OUT/summary.txt

A new broker for every run is scripts/bench.sh's job. Options of `plan` are those of
scripts/bench.sh; see BENCHMARKS.md.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import traceback
from pathlib import Path

import corpus
import report
import runs

REPO = Path(__file__).resolve().parents[2]
BENCH_ROOT = REPO / ".local" / "bench"

FULL = {"articles": 6000, "repeats": 3, "latency_seconds": 40, "soak_articles": 100_000}
QUICK = {"articles": 600, "repeats": 1, "latency_seconds": 8, "soak_articles": 3000}
KINDS = ["parse", "raw-hop", "pipeline", "passthrough", "latency", "soak"]


# MARK: plan


def plan_arguments(argv):
    parser = argparse.ArgumentParser(prog="scripts/bench.sh", description="Pipeline benchmark suite (issue 10).")
    parser.add_argument("--quick", action="store_true", help="small corpus, one repeat: a smoke run of a minute or two")
    parser.add_argument("--articles", type=int, help=f"articles per run (default {FULL['articles']}, quick {QUICK['articles']})")
    parser.add_argument("--repeats", type=int, help=f"runs per configuration (default {FULL['repeats']}, quick 1)")
    parser.add_argument("--enrichers", default="1,2,4", help="enricher counts to run (default 1,2,4)")
    parser.add_argument("--concurrency", default="1,2", help="--concurrency values, where the build has it (default 1,2)")
    parser.add_argument("--partitions", type=int, default=6, help="partitions of the raw and enriched topics (default 6)")
    parser.add_argument("--latency-seconds", type=float,
                        help=f"longest a latency run publishes (default {FULL['latency_seconds']}, quick {QUICK['latency_seconds']})")
    parser.add_argument("--soak-articles", type=int,
                        help=f"articles of the RSS-over-time run (default {FULL['soak_articles']}, quick {QUICK['soak_articles']})")
    parser.add_argument("--soak-enrichers", type=int, default=2, help="enrichers in the RSS-over-time run (default 2)")
    parser.add_argument("--only", default=",".join(KINDS), help=f"run only these kinds (default {','.join(KINDS)})")
    parser.add_argument("--seed", type=int, default=1, help="corpus generator seed (default 1)")
    parser.add_argument("--worker-property", action="append", default=[], metavar="KEY=VALUE",
                        help="librdkafka property for every worker (their -X), repeatable, to try a setting")
    parser.add_argument("--bin", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--out", help="results directory (default .local/bench/<UTC time>)")
    arguments = parser.parse_args(argv)
    defaults = QUICK if arguments.quick else FULL
    for name, value in defaults.items():
        if getattr(arguments, name) is None:
            setattr(arguments, name, value)
    arguments.enrichers = [int(n) for n in arguments.enrichers.split(",")]
    arguments.concurrency = [int(n) for n in arguments.concurrency.split(",")]
    arguments.only = set(arguments.only.split(","))
    unknown = arguments.only - set(KINDS)
    if unknown:
        parser.error(f"unknown kinds for --only: {', '.join(sorted(unknown))}")
    return arguments


def enricher_features(bin_dir):
    """Which of issue 10's enricher flags this build has, read from its --help."""
    help_text = subprocess.run([str(Path(bin_dir) / "news-enricher"), "--help"],
                               capture_output=True, text=True).stdout
    return {"concurrency": "--concurrency" in help_text, "passthrough": "--passthrough" in help_text}


def first_line(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


def machine_description():
    with open("/proc/cpuinfo") as cpuinfo:
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "unknown")
    with open("/proc/meminfo") as meminfo:
        memory_kb = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    from confluent_kafka import libversion
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()
    return {
        "nproc": os.cpu_count(), "cpu_model": model, "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "os": first_line(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
        "swift": first_line(["swift", "--version"]), "librdkafka": libversion()[0],
        "broker": first_line([os.environ.get("NEWS_TANSU_BIN", "tansu"), "--version"]),
        "commit": first_line(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]) + ("+dirty" if dirty else ""),
    }


def planned_configurations(arguments, features):
    """(configurations to run, configurations skipped with the reason)."""
    partitions = arguments.partitions
    concurrencies = arguments.concurrency if features["concurrency"] else [None]
    configurations, skipped = [], []
    if "parse" in arguments.only:
        configurations.append({"kind": "parse"})
    if "raw-hop" in arguments.only:
        configurations.append({"kind": "raw-hop", "partitions": partitions})
    for enrichers in arguments.enrichers:
        for concurrency in concurrencies:
            pipeline = {"kind": "pipeline", "enrichers": enrichers, "concurrency": concurrency,
                        "passthrough": False, "partitions": partitions}
            if "pipeline" in arguments.only or "latency" in arguments.only:
                configurations.append(pipeline)
        if not features["concurrency"]:
            for concurrency in arguments.concurrency:
                skipped.append({"label": f"pipeline e={enrichers} --concurrency {concurrency}",
                                "reason": "not supported by this build (no --concurrency in news-enricher --help)"})
    if "passthrough" in arguments.only:
        if features["passthrough"]:
            for preloaded in (False, True):
                configurations.append({"kind": "pipeline", "enrichers": 1, "concurrency": None,
                                       "passthrough": True, "preloaded": preloaded, "partitions": partitions})
        else:
            skipped.append({"label": "pipeline e=1 --passthrough",
                            "reason": "not supported by this build (no --passthrough in news-enricher --help)"})
    return configurations, skipped


def latency_configurations(arguments, configurations):
    """One latency configuration per flat-out pipeline one (the highest --concurrency only),
    publishing at half the rate that configuration reached."""
    pipelines = [c for c in configurations if c["kind"] == "pipeline" and not c["passthrough"]]
    highest = {}
    for configuration in pipelines:
        current = highest.get(configuration["enrichers"])
        if current is None or (configuration["concurrency"] or 0) > (current["concurrency"] or 0):
            highest[configuration["enrichers"]] = configuration
    return [{"kind": "latency", "enrichers": c["enrichers"], "concurrency": c["concurrency"],
             "partitions": c["partitions"], "rate_of": report.config_key(c), "seconds": arguments.latency_seconds}
            for c in highest.values()]


def plan(argv):
    arguments = plan_arguments(argv)
    features = enricher_features(arguments.bin)
    configurations, skipped = planned_configurations(arguments, features)
    latency = latency_configurations(arguments, configurations) if "latency" in arguments.only else []
    main_corpus = corpus.ensure_corpus(BENCH_ROOT / "corpus", arguments.articles, arguments.seed)
    planned = [{**c, "corpus": str(main_corpus), "repeat": r}
               for r in range(1, arguments.repeats + 1) for c in configurations]
    planned += [{**c, "corpus": str(main_corpus), "repeat": r}
                for r in range(1, arguments.repeats + 1) for c in latency]
    if "soak" in arguments.only:
        soak_corpus = corpus.ensure_corpus(BENCH_ROOT / "corpus", arguments.soak_articles, arguments.seed)
        planned.append({"kind": "soak", "enrichers": arguments.soak_enrichers, "concurrency": None,
                        "partitions": arguments.partitions, "corpus": str(soak_corpus), "repeat": 1})
    out = Path(arguments.out or BENCH_ROOT / datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
    out.mkdir(parents=True, exist_ok=True)
    document = {
        "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": "scripts/bench.sh " + " ".join(argv_without_bin(argv)),
        "machine": machine_description(), "features": features, "bin": arguments.bin,
        "settings": {"articles": arguments.articles, "repeats": arguments.repeats,
                     "partitions": arguments.partitions, "latency_seconds": arguments.latency_seconds,
                     "soak_articles": arguments.soak_articles, "seed": arguments.seed,
                     "worker_properties": arguments.worker_property},
        "runs": [{**run, "index": index} for index, run in enumerate(planned)],
        "skipped": skipped,
    }
    (out / "plan.json").write_text(json.dumps(document, indent=2))
    print(out)


def argv_without_bin(argv):
    shown, hide_next = [], False
    for argument in argv:
        if hide_next:
            hide_next = False
        elif argument == "--bin":
            hide_next = True
        else:
            shown.append(argument)
    return shown


# MARK: run


def run_directory(out, planned):
    return Path(out) / "runs" / f"{planned['index']:03d}-{report.config_key(planned).replace('/', '-')}-r{planned['repeat']}"


def execute(planned, context, out):
    kind = planned["kind"]
    if kind == "parse":
        return runs.run_parse(context, Path(planned["corpus"]))
    if kind == "raw-hop":
        return runs.run_raw_hop(context, Path(planned["corpus"]), planned["partitions"])
    spec = runs.PipelineSpec(enrichers=planned["enrichers"], partitions=planned["partitions"],
                             concurrency=planned["concurrency"], passthrough=planned.get("passthrough", False),
                             preloaded=planned.get("preloaded", False),
                             keep_timeline=kind == "soak")
    if kind == "latency":
        maximum = report.median_rate(out, planned["rate_of"])
        if maximum is None:
            raise RuntimeError(f"no successful {planned['rate_of']} run to take the maximum rate from")
        spec.paced_rate = maximum / 2
        available = len(corpus.corpus_files(planned["corpus"]))
        spec.paced_count = min(available, max(200, int(spec.paced_rate * planned["seconds"])))
    return runs.run_pipeline(context, Path(planned["corpus"]), spec)


def run(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--index", type=int, required=True)
    arguments = parser.parse_args(argv)
    document = json.loads((Path(arguments.out) / "plan.json").read_text())
    planned = document["runs"][arguments.index]
    directory = run_directory(arguments.out, planned)
    directory.mkdir(parents=True, exist_ok=True)
    context = runs.RunContext(bin_dir=Path(document["bin"]), run_dir=directory,
                              worker_properties=document["settings"]["worker_properties"],
                              brokers=os.environ.get("KAFKA_BROKERS", ""),
                              broker_pid=int(os.environ.get("BENCH_BROKER_PID", "0")))
    label = report.label(planned)
    print(f"[bench] run {arguments.index + 1}/{len(document['runs'])}: {label} (repeat {planned['repeat']})",
          file=sys.stderr, flush=True)
    try:
        result = {"status": "ok", **execute(planned, context, arguments.out)}
        print(f"[bench]   {report.one_line(result)}", file=sys.stderr, flush=True)
    except Exception as error:  # one failed run is reported, and the suite goes on
        result = {"status": "failed", "error": f"{type(error).__name__}: {error}"}
        (directory / "traceback.txt").write_text(traceback.format_exc())
        print(f"[bench]   FAILED: {result['error']} (logs in {directory})", file=sys.stderr, flush=True)
    (directory / "result.json").write_text(json.dumps({"run": planned, "result": result}, indent=2))
    return 0 if result["status"] == "ok" else 1


def main():
    commands = {"plan": plan, "run": run, "report": report.main}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))


if __name__ == "__main__":
    main()
