#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a real local Kafka-protocol broker
# that this script starts on a free loopback port and stops again.
set -euo pipefail
source "$(dirname "$0")/lib/environment.sh"
cd "$repo_root"
prepare_environment
mkdir -p "$local_dir"

log "building (debug, with tests)"
swift build --build-tests

# The tests' scratch files (the chaos soak writes gigabytes) go under one directory for this
# run: removed when the run passes, kept and named when it fails.
scratch="$(mktemp -d "${TMPDIR:-/tmp}/news-pipeline-tests.XXXXXX")"
finish() {
    local status=$?
    stop_broker
    if [ "$status" -eq 0 ]; then
        rm -rf "$scratch"
    else
        log "the tests' scratch files are kept in $scratch"
    fi
    return "$status"
}
trap finish EXIT
start_broker
export NEWS_TEST_BROKERS="$KAFKA_BROKERS"
unset KAFKA_BROKERS
if [ "$#" -eq 0 ]; then
    # The whole suite, in two processes: the parsing and enrichment tests spend a minute of CPU
    # on Swift's cooperative pool, which would hold up the awaits of the Kafka and pipeline tests
    # past their time bounds (a cancelled send once waited 22 s to be resumed).
    # Both run, so that one run reports every failure.
    failed=0
    log "parsing and enrichment tests"
    TMPDIR="$scratch" swift test --skip-build --filter '^ArticleCoreTests\.' || failed=1
    log "Kafka, worker and pipeline tests"
    TMPDIR="$scratch" swift test --skip-build --skip '^ArticleCoreTests\.' || failed=1
    [ "$failed" -eq 0 ]
else
    TMPDIR="$scratch" swift test --skip-build "$@"
fi
