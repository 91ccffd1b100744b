#!/usr/bin/env bash
# The pipeline benchmark suite (issue 10): newsctl parse, a raw consume->produce hop, the
# pipeline end to end with 1, 2 and 4 enrichers (and --passthrough / --concurrency where the
# build has them), latency at half the maximum rate, and a long run recording RSS over time.
# Each run gets a fresh local broker. Results, logs and a plot land in .local/bench/<time>/
# (see BENCHMARKS.md, "Pipeline end to end", for the options and what each figure means).
#
#   scripts/bench.sh --quick     # smoke run, a minute or two
#   scripts/bench.sh             # the full suite, about half an hour on 2 cores
set -euo pipefail
source "$(dirname "$0")/lib/environment.sh"
cd "$repo_root"

matplotlib_version="3.11.2"
suite="scripts/bench/suite.py"

# The plot needs matplotlib; only the benchmark does, so the test command's venv stays lean.
ensure_plotting() {
    local marker="$venv/.bench-matplotlib-$matplotlib_version"
    if [[ ! -f $marker ]]; then
        log "installing matplotlib $matplotlib_version into $venv for the benchmark plot"
        "$venv/bin/pip" install -q --disable-pip-version-check "matplotlib==$matplotlib_version"
        touch "$marker"
    fi
}

run_planned() {
    local out=$1 count
    count=$("$NEWS_PYTHON" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["runs"]))' "$out/plan.json")
    for ((index = 0; index < count; index++)); do
        start_broker
        # A failed run is recorded in its result.json and listed by the report; the rest go on.
        BENCH_BROKER_PID=$broker_pid "$NEWS_PYTHON" "$suite" run --out "$out" --index "$index" || true
        stop_broker
    done
}

main() {
    if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
        exec python3 "$suite" plan --bin . --help
    fi
    prepare_environment
    ensure_plotting
    mkdir -p "$local_dir"
    log "building (release)"
    swift build -c release
    local bin out
    bin=$(swift build -c release --show-bin-path)
    log "planning: checking the build's flags, generating the corpora"
    out=$("$NEWS_PYTHON" "$suite" plan --bin "$bin" "$@")
    trap stop_broker EXIT
    run_planned "$out"
    "$NEWS_PYTHON" "$suite" report --out "$out"
    "$NEWS_PYTHON" scripts/bench/plot.py "$out/results.json" "$out/pipeline.png"
    if [[ $(dirname "$out") == "$local_dir/bench" ]]; then
        ln -sfn "$(basename "$out")" "$local_dir/bench/latest"
    fi
    log "results: $out/summary.txt, $out/results.json, $out/pipeline.png"
}

main "$@"
