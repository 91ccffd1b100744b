"""One measured run of each kind. Each function returns the run's result as a dict.

Every run but `parse` has a broker of its own, started empty by scripts/bench.sh, so no run
inherits another's topics, consumer groups or broker memory.
"""

import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import corpus
from procstat import ProcessSampler, machine_busy_seconds
from sinkwatch import SinkWatcher
from workers import Worker, wait_for_assignment

SCRIPTS = Path(__file__).resolve().parent
# A run that sees no new sink line for this long has stalled (lost records, a stuck worker).
STALL_SECONDS = 90
SAMPLE_INTERVAL = 0.2
SOAK_SAMPLE_INTERVAL = 1.0
TIMELINE_POINTS = 300


@dataclass
class RunContext:
    bin_dir: Path
    run_dir: Path
    worker_properties: list[str]
    brokers: str = ""
    broker_pid: int = 0

    def binary(self, name):
        return str(self.bin_dir / name)

    def worker_command(self, name, *arguments):
        """A worker's command line: its binary, the broker, any --worker-property, then `arguments`."""
        properties = [flag for assignment in self.worker_properties for flag in ("-X", assignment)]
        return [self.binary(name), "--brokers", self.brokers, *properties, *arguments]

    def worker(self, name, command):
        return Worker(name, command, self.run_dir / f"{name}.log")


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def latency_summary(latencies_ms):
    if not latencies_ms:
        return None
    return {"p50": percentile(latencies_ms, 0.50), "p99": percentile(latencies_ms, 0.99), "max": max(latencies_ms)}


def last_json_line(path):
    lines = [line for line in Path(path).read_text().splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"no result line in {path}")
    return json.loads(lines[-1])


def corpus_bytes(files):
    return sum(path.stat().st_size for path in files)


def harness_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def worker_figures(cpu_seconds, peak_rss_mb, articles):
    return {"cpu_s": cpu_seconds, "cpu_s_per_1000": cpu_seconds / articles * 1000, "peak_rss_mb": peak_rss_mb}


# MARK: newsctl parse


def run_parse(context, corpus_dir):
    """`newsctl parse` over the corpus directory in one process: the rate the pipeline is held to."""
    files = corpus.corpus_files(corpus_dir)
    output = context.run_dir / "parse.jsonl"
    started = time.monotonic()
    with open(output, "wb") as stdout:
        process = subprocess.Popen([context.binary("newsctl"), "parse", "."], cwd=corpus_dir, stdout=stdout)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    with open(output, "rb") as lines:
        records = sum(1 for _ in lines)
    output.unlink()
    if os.waitstatus_to_exitcode(status) != 0 or records != len(files):
        raise RuntimeError(f"newsctl parse exited {os.waitstatus_to_exitcode(status)} with {records} of {len(files)} records")
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "articles": len(files), "seconds": seconds, "articles_per_s": len(files) / seconds,
        "mb_per_s": corpus_bytes(files) / seconds / 1e6,
        "workers": {"newsctl-parse": worker_figures(cpu, usage.ru_maxrss * 1024 / 1e6, len(files))},
    }


# MARK: raw consume -> produce hop


def create_pipeline_topics(context, partitions):
    subprocess.run([context.binary("newsctl"), "topics", "--create", "--partitions", str(partitions),
                    "--brokers", context.brokers], check=True, capture_output=True)


def publish_corpus(context, corpus_dir):
    """Starts news-producer over the corpus; returns its worker."""
    subdirectories = sorted(str(path) for path in Path(corpus_dir).iterdir() if path.is_dir())
    return context.worker("producer", context.worker_command("news-producer", *subdirectories)).start()


def run_raw_hop(context, corpus_dir, partitions):
    files = corpus.corpus_files(corpus_dir)
    create_pipeline_topics(context, partitions)
    producer = publish_corpus(context, corpus_dir)
    if producer.wait(600) != 0:
        raise RuntimeError("news-producer failed to preload the raw topic; see producer.log")
    sampler = ProcessSampler(SAMPLE_INTERVAL)
    sampler.add("broker", context.broker_pid)
    sampler.start()
    broker_before = sampler.cpu_now()["broker"]
    hop = context.worker("raw-hop", [sys.executable, str(SCRIPTS / "raw_hop.py"), "--brokers", context.brokers,
                                     "--source", "articles.raw", "--target", "bench.hop",
                                     "--partitions", str(partitions), "--count", str(len(files))]).start()
    sampler.add("raw-hop", hop.pid)
    status = hop.wait(STALL_SECONDS + 120)
    broker_cpu = sampler.cpu_now()["broker"] - broker_before
    sampler.stop()
    if status != 0:
        raise RuntimeError("the raw hop failed; see raw-hop.log")
    hopped = last_json_line(hop.log_path)
    if hopped["delivered"] != len(files):
        raise RuntimeError(f"the raw hop delivered {hopped['delivered']} of {len(files)} records")
    seconds = hopped["seconds"]
    return {
        "articles": hopped["records"], "seconds": seconds, "articles_per_s": hopped["records"] / seconds,
        "mb_per_s": hopped["value_bytes"] / seconds / 1e6,
        "workers": {
            "raw-hop": worker_figures(hop.cpu_seconds(), hop.peak_rss_mb(), len(files)),
            "broker": worker_figures(broker_cpu, sampler.peak_rss_mb["broker"], len(files)),
        },
        "note": "raw-hop CPU is the whole Python process, start-up included; broker CPU is over its life",
    }


# MARK: the pipeline end to end


@dataclass
class PipelineSpec:
    enrichers: int
    partitions: int
    concurrency: int | None = None
    passthrough: bool = False
    # The corpus is in the raw topic before the consumers start, as for the raw hop; throughput
    # then runs from the moment the enricher took up its first record (its `processed_at`) to
    # the last sink line, so the consumers' group join is not timed.
    preloaded: bool = False
    # None: news-producer publishes the whole corpus as fast as it can. A number: the paced
    # publisher sends `paced_count` articles at that many a second (latency runs).
    paced_rate: float | None = None
    paced_count: int | None = None
    keep_timeline: bool = False


def enricher_command(context, spec):
    command = context.worker_command("news-enricher", "--group", "bench-enricher", "--shutdown-timeout", "10")
    if spec.concurrency is not None:
        command += ["--concurrency", str(spec.concurrency)]
    if spec.passthrough:
        command.append("--passthrough")
    return command


def start_feed(context, spec, corpus_dir):
    if spec.paced_rate is None:
        return publish_corpus(context, corpus_dir)
    return context.worker("publisher", [sys.executable, str(SCRIPTS / "paced_publish.py"), "--brokers", context.brokers,
                                        "--topic", "articles.raw", "--corpus", str(corpus_dir),
                                        "--count", str(spec.paced_count), "--rate", str(spec.paced_rate)]).start()


def start_consumers(context, spec, output):
    sink = context.worker("sink", context.worker_command("news-sink", "--output", str(output),
                                                         "--shutdown-timeout", "10")).start()
    enrichers = [context.worker(f"enricher-{n}", enricher_command(context, spec)).start()
                 for n in range(1, spec.enrichers + 1)]
    return sink, enrichers


def snapshot(sampler):
    return {"at": time.monotonic(), "cpu": sampler.cpu_now(), "busy": machine_busy_seconds(),
            "harness": harness_cpu_seconds(), "load": os.getloadavg()[0]}


def run_pipeline(context, corpus_dir, spec):
    files = corpus.corpus_files(corpus_dir)
    count = spec.paced_count or len(files)
    output = context.run_dir / "out"
    create_pipeline_topics(context, spec.partitions)
    preload = None
    if spec.preloaded:
        preload = publish_corpus(context, corpus_dir)
        if preload.wait(600) != 0:
            raise RuntimeError("news-producer failed to preload the raw topic; see producer.log")
    sampler = ProcessSampler(SOAK_SAMPLE_INTERVAL if spec.keep_timeline else SAMPLE_INTERVAL)
    sampler.add("broker", context.broker_pid)
    sink, enrichers = start_consumers(context, spec, output)
    consumers = [sink, *enrichers]
    for worker in consumers:
        sampler.add(worker.name, worker.pid)
    sampler.start()
    watcher = SinkWatcher(output)
    feed = None
    try:
        if spec.preloaded:
            # The consumers start work as soon as they join: watch and count from now.
            watcher.start()
            start = snapshot(sampler)
        confirmed = wait_for_assignment(enrichers, sink, spec.partitions)
        if not spec.preloaded:
            watcher.start()
            start = snapshot(sampler)
        feed = preload or start_feed(context, spec, corpus_dir)
        if not preload:
            sampler.add(feed.name, feed.pid)
        complete = watcher.wait_for(count, STALL_SECONDS)
        end = snapshot(sampler)
        feed_status = feed.wait(120)
    finally:
        exits = {worker.name: worker.stop() for worker in [*([feed] if feed else []), *consumers]}
        watcher.stop()
        sampler.stop()
    if not complete:
        raise RuntimeError(f"stalled: {len(watcher.arrivals)} of {count} articles reached the sink")
    if feed_status != 0:
        raise RuntimeError(f"{feed.name} exited {feed_status}; see {feed.name}.log")
    result = pipeline_result(watcher, sampler, start, end, feed, consumers, count, files[:count], spec.preloaded)
    result.update({"assignment_confirmed": confirmed, "exit_status": exits})
    if spec.paced_rate is not None:
        result["publisher"] = last_json_line(feed.log_path)
    if spec.keep_timeline:
        result["rss_timeline"] = rss_timeline(sampler, start["at"] - sampler.started)
        result["rss_growth_mb"] = rss_growth(result["rss_timeline"])
    else:  # per-article times; for the long run the RSS timeline says what matters
        watcher.write_csv(context.run_dir / "arrivals.csv")
    shutil.rmtree(output)
    return result


def pipeline_result(watcher, sampler, start, end, feed, consumers, count, files, preloaded=False):
    """Throughput runs from the first article's `received_at` (the producer read it) to the
    sink's write of the last one; with a preloaded topic, from the enricher's first
    `processed_at` to the sink's write of the last one."""
    to_enricher, enricher_to_sink = watcher.stage_latencies_ms()
    if preloaded:
        first_taken = min(processed for _seen, _received, processed in watcher.arrivals.values() if processed)
        seconds = watcher.last_arrival - first_taken
        # The producer ran before the measured window; its CPU is not the pipeline's.
        workers = {}
    else:
        first_in = min(received for _seen, received, _processed in watcher.arrivals.values())
        seconds = watcher.last_arrival - first_in
        workers = {feed.name: worker_figures(feed.cpu_seconds(), feed.peak_rss_mb(), count)}
    for worker in consumers:
        workers[worker.name] = worker_figures(end["cpu"][worker.name] - start["cpu"][worker.name],
                                              worker.peak_rss_mb(), count)
    workers["broker"] = worker_figures(end["cpu"]["broker"] - start["cpu"]["broker"],
                                       sampler.peak_rss_mb["broker"], count)
    workers["harness"] = worker_figures(end["harness"] - start["harness"], None, count)
    window = end["at"] - start["at"]
    ours = sum(figures["cpu_s"] for figures in workers.values())
    return {
        "articles": count, "seconds": seconds, "articles_per_s": count / seconds,
        "mb_per_s": corpus_bytes(files) / seconds / 1e6,
        "latency_ms": latency_summary(watcher.latencies_ms()),
        "latency_to_enricher_ms": latency_summary(to_enricher),
        "latency_enricher_to_sink_ms": latency_summary(enricher_to_sink),
        "duplicate_lines": watcher.lines - len(watcher.arrivals),
        "workers": workers,
        "enrichers": enricher_totals(workers),
        # CPU that other processes on the machine (other builds, tests) used meanwhile, in cores.
        "other_load_cores": max(0.0, (end["busy"] - start["busy"] - ours) / window),
        "load_average": [start["load"], end["load"]],
    }


def enricher_totals(workers):
    """All enricher processes together: CPU added up, the highest peak RSS of any one."""
    enrichers = [figures for name, figures in workers.items() if name.startswith("enricher-")]
    return {
        "processes": len(enrichers),
        "cpu_s_per_1000": sum(figures["cpu_s_per_1000"] for figures in enrichers),
        "peak_rss_mb": max(figures["peak_rss_mb"] or 0.0 for figures in enrichers),
    }


def rss_timeline(sampler, offset):
    """Each worker's RSS over the measured run, thinned to at most TIMELINE_POINTS points:
    [[seconds since the feed started, MB], ...]."""
    timeline = {}
    for name, series in sampler.series.items():
        points = [[round(at - offset, 2), round(rss, 1)] for at, _cpu, rss in series if at >= offset]
        step = max(1, len(points) // TIMELINE_POINTS)
        timeline[name] = points[::step]
    return timeline


def rss_growth(timeline):
    """Median RSS of each worker's last quarter minus that of its second quarter: near zero for
    memory that stays flat once warm, positive for memory that keeps growing."""
    growth = {}
    for name, points in timeline.items():
        quarter = len(points) // 4
        if quarter == 0:
            continue
        second = statistics.median(rss for _at, rss in points[quarter:2 * quarter])
        last = statistics.median(rss for _at, rss in points[3 * quarter:])
        growth[name] = round(last - second, 1)
    return growth
