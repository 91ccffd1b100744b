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

trap stop_broker EXIT
start_broker
export NEWS_TEST_BROKERS="$KAFKA_BROKERS"
unset KAFKA_BROKERS
swift test --skip-build "$@"
