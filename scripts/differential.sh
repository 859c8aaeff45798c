#!/usr/bin/env bash
# Long differential run: the checker against the explicit-state explorer on many random programs.
#   scripts/differential.sh [CASES] [FIRST_SEED]      (default 5000 cases from seed 1)
# Disagreements are shrunk and written to .build-diff/shrunk/ (copy the minimal ones to
# Tests/Fixtures/regressions/ as regression fixtures; the file name ends in -d<depth>.json).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-diff/shrunk
RECOVCHECK_DIFF_CASES="${1:-5000}" RECOVCHECK_DIFF_SEED="${2:-1}" \
RECOVCHECK_DIFF_SHRINK_DIR="$PWD/.build-diff/shrunk" \
  swift test --scratch-path "${SCRATCH:-.build}" --filter 'DifferentialTests.checkerAgreesWithExplorer' 2>&1 \
  | grep -E 'differential:|DISAGREEMENT|inconclusive|slow case|passed|failed'
