#!/usr/bin/env python3
"""Writes a fixture of Tests/Fixtures/derived.json (a shipped model and spec with substitutions)
into OUT/specs and OUT/models, as the tests' DerivedFixtures does; fails when a substitution's
original text is not in its shipped file exactly once.

Usage: scripts/derive-fixture.py NAME OUT   (NAME such as flawed/migration-pays-admin)
"""
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    name, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "Tests/Fixtures/derived.json")) as f:
        table = json.load(f)["fixtures"]
    fixture = next((x for x in table if x["name"] == name), None)
    if fixture is None:
        sys.exit(f"derive-fixture: no derived fixture named {name}")
    texts = {}
    for file in fixture["files"]:
        if not (file.startswith("models/") or file.startswith("specs/")):
            sys.exit(f"derive-fixture: {name}: {file} is neither under models/ nor under specs/")
        with open(os.path.join(root, file)) as f:
            texts[file] = f.read()
    for i, s in enumerate(fixture["substitutions"], 1):
        if s["file"] not in texts:
            sys.exit(f"derive-fixture: {name}: substitution {i} edits {s['file']}, which the fixture does not copy")
        old, new = "\n".join(s["old"]), "\n".join(s["new"])
        count = texts[s["file"]].count(old) if old else 0
        if count != 1:
            sys.exit(f"derive-fixture: {name}: substitution {i}: the original text occurs {count} times in {s['file']}: {old}")
        texts[s["file"]] = texts[s["file"]].replace(old, new)
    for file, text in texts.items():
        folder = "models" if file.startswith("models/") else "specs"
        os.makedirs(os.path.join(out, folder), exist_ok=True)
        with open(os.path.join(out, folder, os.path.basename(file)), "w") as f:
            f.write(text)


main()
