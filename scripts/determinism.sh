#!/usr/bin/env bash
# Runs recovcheck N times (default 100) and checks that every run gives byte-identical output in
# every format: text, JSON, SARIF, the HTML report, saved counterexamples and JUnit (whose time=
# attributes, wall-clock measurements, are masked), alternating --jobs 1 and --jobs 2.
#
# Swift seeds its hash function per process, so any iteration over a Dictionary or a Set that
# reaches an output or the order of solver queries shows up as a difference between runs — unless
# SWIFT_DETERMINISTIC_HASHING is set, which hides it: the script unsets it.
#
# Inputs: the historical flawed designs, two flawed fixtures (one derived from the shipped design by
# scripts/derive-fixture.py), and a spec that uses every construct of the DSL
# (Tests/Fixtures/determinism/all-constructs), plus an IR file with two procedures.
# Usage: scripts/determinism.sh [RUNS] [BINARY]
set -euo pipefail
unset SWIFT_DETERMINISTIC_HASHING
cd "$(dirname "$0")/.."
runs="${1:-100}"
bin="${2:-.build/debug/recovcheck}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 scripts/derive-fixture.py flawed/migration-pays-admin "$out/migration-pays-admin"
# input|models|extra arguments
inputs=(
  "examples/flawed/incidents||"
  "Tests/Fixtures/flawed/missing-rate-limit/specs||"
  "$out/migration-pays-admin/specs||"
  "Tests/Fixtures/determinism/all-constructs/specs||--depth 5"
  "Tests/Fixtures/determinism/two-procedures.json||--depth 4"
)
reference=""
# Warm the IR cache first, so every counted run reads the same cache state (the report says
# whether the IR came from the cache).
for entry in "${inputs[@]}"; do
  IFS='|' read -r input models extra <<< "$entry"
  if [ -z "$models" ]; then models=models; [ -d "$input/../models" ] && models="$input/../models"; fi
  # shellcheck disable=SC2086
  "$bin" "$input" --models "$models" --quiet --format json --no-cache $extra > /dev/null || true
done
for i in $(seq 1 "$runs"); do
  jobs=$(( i % 2 + 1 ))
  run="$out/run"
  rm -rf "$run"; mkdir -p "$run"
  n=0
  for entry in "${inputs[@]}"; do
    IFS='|' read -r input models extra <<< "$entry"
    n=$((n + 1))
    args=("$input" --no-cache --no-color --quiet --jobs "$jobs" --format text
          --json "$run/$n.json" --sarif "$run/$n.sarif" --junit "$run/$n.xml" --report "$run/$n-html" --save-counterexamples "$run/$n-cex")
    if [ -n "$models" ]; then args+=(--models "$models")
    elif [ -d "$input/../models" ]; then args+=(--models "$input/../models")
    elif [ -d "$input" ]; then args+=(--models models); fi
    # shellcheck disable=SC2206
    [ -n "$extra" ] && args+=($extra)
    status=0
    "$bin" "${args[@]}" > "$run/$n.txt" 2> "$run/$n.err" || status=$?
    if [ "$status" -ne 1 ]; then
      echo "determinism: run $i on $input exited $status, expected 1" >&2; cat "$run/$n.err" >&2; exit 1
    fi
    sed -i -E 's/ time="[0-9.]+"/ time="-"/g' "$run/$n.xml"
  done
  (cd "$run" && find . -type f | LC_ALL=C sort | xargs sha256sum) > "$out/sums"
  sum=$(sha256sum "$out/sums" | cut -d' ' -f1)
  if [ -z "$reference" ]; then
    reference="$sum"; cp -r "$run" "$out/first"; cp "$out/sums" "$out/first.sums"
  elif [ "$sum" != "$reference" ]; then
    echo "determinism: run $i differs from run 1 (without deterministic hashing):" >&2
    diff "$out/first.sums" "$out/sums" >&2 || true
    diff -r "$out/first" "$run" | head -30 >&2 || true
    exit 1
  fi
done
echo "determinism: $runs runs without deterministic hashing, ${#inputs[@]} inputs, byte-identical text, JSON, SARIF, HTML and JUnit ($reference)"
