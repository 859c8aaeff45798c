#!/usr/bin/env bash
# Validates the reusable action (action.yml) and the workflow against the GitHub schemas
# (check-jsonschema's vendored SchemaStore copies, offline) and audits both with zizmor, the
# GitHub Actions security linter. Both come from PyPI and are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v check-jsonschema >/dev/null 2>&1 || pip install -q check-jsonschema
command -v zizmor >/dev/null 2>&1 || pip install -q zizmor
check-jsonschema --builtin-schema vendor.github-actions action.yml
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
zizmor --offline --config .github/zizmor.yml --min-severity low action.yml .github/workflows/*.yml
echo "ci config: action.yml and workflows valid, zizmor clean"
