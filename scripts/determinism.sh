#!/usr/bin/env bash
# Runs recovcheck N times (default 100) on the flawed designs and checks that every run gives
# byte-identical JSON (verdicts and counterexamples), alternating --jobs 1 and --jobs 2.
# Usage: scripts/determinism.sh [RUNS] [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100}"
bin="${2:-.build/debug/recovcheck}"
inputs=(examples/flawed/incidents Tests/Fixtures/flawed/missing-rate-limit/specs Tests/Fixtures/flawed/migration-pays-admin/specs)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
reference=""
# Warm the IR cache first, so every counted run reads the same cache state (the report says
# whether the IR came from the cache).
for input in "${inputs[@]}"; do
  models=models
  [ -d "$input/../models" ] && models="$input/../models"
  "$bin" "$input" --models "$models" --format json --no-cache > /dev/null || true
done
for i in $(seq 1 "$runs"); do
  jobs=$(( i % 2 + 1 ))
  : > "$out/run.json"
  for input in "${inputs[@]}"; do
    models=models
    [ -d "$input/../models" ] && models="$input/../models"
    status=0
    "$bin" "$input" --models "$models" --format json --no-cache --jobs "$jobs" >> "$out/run.json" || status=$?
    if [ "$status" -ne 1 ]; then echo "determinism: run $i on $input exited $status, expected 1" >&2; exit 1; fi
  done
  sum=$(sha256sum "$out/run.json" | cut -d' ' -f1)
  if [ -z "$reference" ]; then
    reference="$sum"; cp "$out/run.json" "$out/first.json"
  elif [ "$sum" != "$reference" ]; then
    echo "determinism: run $i differs from run 1:" >&2
    diff "$out/first.json" "$out/run.json" | head -20 >&2
    exit 1
  fi
done
echo "determinism: $runs runs, byte-identical output ($reference)"
