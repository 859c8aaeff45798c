#!/usr/bin/env bash
# Long differential run: the checker against the explicit-state explorer on many random programs.
#   scripts/differential.sh [CASES] [FIRST_SEED]      (default 5000 cases from seed 1)
#   CONFIG=release scripts/differential.sh 20000      (optimized build in .build-release: the
#                                                      explorer is many times faster there)
#   RECOVCHECK_DIFF_WORKERS=1 ...                     (worker threads, default 2)
# The summary line gives the cases, the seeds, the rate (cases/s, build excluded) and the
# disagreements; record long runs in docs/differential-testing.md.
# Disagreements are shrunk and written to .build-diff/shrunk/ (copy the minimal ones to
# Tests/Fixtures/regressions/ as regression fixtures; the file name ends in -d<depth>.json).
# Results and how to read them: docs/differential-testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-diff/shrunk
config="${CONFIG:-debug}"
build=()
if [ "$config" = release ]; then
  build=(-c release -Xswiftc -enable-testing)
  scratch="${SCRATCH:-.build-release}"
else
  scratch="${SCRATCH:-.build}"
fi
start=$(date +%s)
RECOVCHECK_DIFF_CASES="${1:-5000}" RECOVCHECK_DIFF_SEED="${2:-1}" \
RECOVCHECK_DIFF_SHRINK_DIR="$PWD/.build-diff/shrunk" \
  swift test "${build[@]}" --scratch-path "$scratch" --filter 'DifferentialTests.checkerAgreesWithExplorer' 2>&1 \
  | grep --line-buffered -E 'differential|DISAGREEMENT|inconclusive|slow case|passed|failed'
echo "differential: $(( $(date +%s) - start )) s wall-clock ($config build)"
