#!/usr/bin/env bash
# Runs the whole pipeline (producer -> enrichers -> sink) on seeds/ against an embedded local
# broker and writes JSON Lines to out/ (or the directory given as the first argument).
set -euo pipefail
source "$(dirname "$0")/lib/environment.sh"
cd "$repo_root"
prepare_environment
output=${1:-out}

log "building (debug)"
swift build
"$(swift build --show-bin-path)/newsctl" run --output "$output" --enrichers 2 seeds
