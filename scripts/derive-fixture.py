#!/usr/bin/env python3
"""Writes a fixture of Tests/Fixtures/derived.json into OUT, as the tests' DerivedFixtures does:
shipped files (`files`) into OUT/specs and OUT/models, or a fixture folder (`base`) at the same
paths below OUT, with the substitutions applied; fails when a substitution's original text is not
in its file exactly once.

Usage: scripts/derive-fixture.py NAME OUT   (NAME such as flawed/migration-pays-admin)
"""
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def sources(fixture):
    """The texts the fixture copies, keyed as its substitutions name them."""
    name, files, base = fixture["name"], fixture.get("files"), fixture.get("base")
    texts = {}
    if files is not None and base is None:
        for file in files:
            if not (file.startswith("models/") or file.startswith("specs/")):
                sys.exit(f"derive-fixture: {name}: {file} is neither under models/ nor under specs/")
            with open(os.path.join(root, file)) as f:
                texts[file] = f.read()
    elif base is not None and files is None:
        folder = os.path.join(root, base)
        if not base.startswith("Tests/Fixtures/") or ".." in base or not os.path.isdir(folder):
            sys.exit(f"derive-fixture: {name}: base {base} is not a fixture folder under Tests/Fixtures/")
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for fn in filenames:
                if fn.startswith("."):
                    continue
                path = os.path.join(dirpath, fn)
                with open(path) as f:
                    texts[os.path.relpath(path, folder)] = f.read()
    else:
        sys.exit(f"derive-fixture: {name}: give either files (shipped) or base (a fixture folder), not both or neither")
    return texts


def target(fixture, file):
    """Where a file goes below OUT."""
    if fixture.get("base") is not None:
        return file
    return os.path.join("models" if file.startswith("models/") else "specs", os.path.basename(file))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    name, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "Tests/Fixtures/derived.json")) as f:
        table = json.load(f)["fixtures"]
    fixture = next((x for x in table if x["name"] == name), None)
    if fixture is None:
        sys.exit(f"derive-fixture: no derived fixture named {name}")
    texts = sources(fixture)
    for i, s in enumerate(fixture["substitutions"], 1):
        if s["file"] not in texts:
            sys.exit(f"derive-fixture: {name}: substitution {i} edits {s['file']}, which the fixture does not copy")
        old, new = "\n".join(s["old"]), "\n".join(s["new"])
        count = texts[s["file"]].count(old) if old else 0
        if count != 1:
            sys.exit(f"derive-fixture: {name}: substitution {i}: the original text occurs {count} times in {s['file']}: {old}")
        texts[s["file"]] = texts[s["file"]].replace(old, new)
    if fixture.get("base") is None:
        for folder in ("specs", "models"):
            os.makedirs(os.path.join(out, folder), exist_ok=True)
    for file, text in texts.items():
        path = os.path.join(out, target(fixture, file))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


main()
