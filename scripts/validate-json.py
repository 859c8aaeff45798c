#!/usr/bin/env python3
"""Validates JSON files against recovcheck's JSON Schemas (docs/schemas/, draft 2020-12).

    scripts/validate-json.py report FILE...          # --format json / --json reports
    scripts/validate-json.py counterexample FILE...  # .cex.json files

Exit 0 when every file is valid; otherwise each problem is printed with the file and JSON path.
Needs python3's jsonschema (pip install jsonschema)."""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource

root = pathlib.Path(__file__).resolve().parent.parent / "docs" / "schemas"
schemas = {p.stem.split(".")[0]: json.loads(p.read_text()) for p in root.glob("*.schema.json")}
registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas.values())

if len(sys.argv) < 3 or sys.argv[1] not in schemas:
    sys.exit(f"usage: {sys.argv[0]} {'|'.join(sorted(schemas))} FILE...")
validator = jsonschema.Draft202012Validator(schemas[sys.argv[1]], registry=registry)
bad = 0
for name in sys.argv[2:]:
    for error in validator.iter_errors(json.loads(pathlib.Path(name).read_text())):
        bad += 1
        print(f"{name}: {error.json_path}: {error.message}")
sys.exit(1 if bad else 0)
