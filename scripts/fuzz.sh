#!/usr/bin/env bash
# Builds the libFuzzer target (Tests/Fuzz/FuzzIR.swift: IR JSON loader + validator + bounded
# checker) with `swiftc -sanitize=fuzzer` and runs it for N seconds (default 120) on the corpus.
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
# Crashes are written to .build-fuzz/crashes/; new corpus entries to .build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-120}"; shift || true
OUT=.build-fuzz
mkdir -p "$OUT/lib" "$OUT/crashes" "$OUT/corpus"
SAN="-sanitize=fuzzer"
[ -n "${FUZZ_ASAN:-}" ] && SAN="-sanitize=fuzzer,address"
FLAGS=(-O -g -swift-version 6 -parse-as-library -I "$OUT/lib" -L "$OUT/lib" -enable-testing)

lib() { # name sources... : a static library and module built with coverage instrumentation
  local name="$1"; shift
  swiftc "${FLAGS[@]}" $SAN -emit-library -static -emit-module -module-name "$name" \
    -module-link-name "$name" -o "$OUT/lib/lib$name.a" -emit-module-path "$OUT/lib/$name.swiftmodule" "$@"
}
echo "building the fuzz target in $OUT ..."
lib RecovIR Sources/RecovIR/*.swift
lib RecovHash -I Sources/COpenSSL Sources/RecovHash/*.swift
lib RecovLoader -I Sources/COpenSSL Sources/RecovLoader/*.swift
lib RecovSMT -I Sources/CZ3 Sources/RecovSMT/*.swift
lib RecovCheck -I Sources/CZ3 Sources/RecovCheck/*.swift
swiftc "${FLAGS[@]}" $SAN -I Sources/CZ3 -I Sources/COpenSSL Tests/Fuzz/FuzzIR.swift \
  -lRecovCheck -lRecovSMT -lRecovLoader -lRecovHash -lRecovIR -lz3 -lcrypto -o "$OUT/fuzz-ir"

echo "fuzzing for $SECONDS_TO_RUN s ..."
exec "$OUT/fuzz-ir" "$OUT/corpus" Tests/Fuzz/corpus -max_total_time="$SECONDS_TO_RUN" \
  -artifact_prefix="$OUT/crashes/" -max_len=8192 -timeout=30 -rss_limit_mb=4096 \
  -dict=Tests/Fuzz/ir.dict -print_final_stats=1 "$@"
