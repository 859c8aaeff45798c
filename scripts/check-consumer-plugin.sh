#!/usr/bin/env bash
# Checks the SwiftPM command plugin from a consumer package, as a protocol repository would use
# it: a fresh package in a temporary folder (made by `recovcheck init`) depends on this checkout
# and runs `swift package recovcheck` with check options; the shipped example must pass.
# Builds recovcheck inside the consumer (several minutes on a cold cache).
# Usage: scripts/check-consumer-plugin.sh [BINARY]   (BINARY runs `init`; default .build/debug/recovcheck)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
bin="${1:-.build/debug/recovcheck}"
[ -x "$bin" ] || swift build --product recovcheck >/dev/null
consumer="$(mktemp -d)"
trap 'rm -rf "$consumer"' EXIT
"$repo/$bin" init "$consumer" >/dev/null
cat > "$consumer/Package.swift" <<MANIFEST
// swift-tools-version:5.9
import PackageDescription
let package = Package(name: "Consumer", dependencies: [.package(path: "$repo")], targets: [])
MANIFEST
cd "$consumer"
swift package recovcheck --rule sanity --rule no-unilateral-control --save-counterexamples cex
echo "consumer plugin: ok"
