#!/usr/bin/env python3
"""Proving vs bounded checking on the shipped specs, side by side in one run.

Runs `recovcheck specs/ --no-cache --format json` twice: with proofs (the default: k-induction,
then Houdini's invariant, then Spacer's CHC invariant, each re-checked) and with `--no-proofs`
(bounded model checking only), and prints Markdown tables of verdict counts and wall time, the
engine that proved each check, and the checks that still hold only to the depth.

Usage: python3 scripts/proof-benchmark.py [--binary .build/debug/recovcheck] [--jobs 2] [PATH...]
"""
import argparse, json, os, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--binary", default=".build/debug/recovcheck")
ap.add_argument("--jobs", default="2")
ap.add_argument("paths", nargs="*", default=["specs"])
a = ap.parse_args()

rows, reports = [], {}
for mode, extra in [("bounded only (--no-proofs)", ["--no-proofs"]), ("with proofs (default)", [])]:
    t = time.monotonic()
    p = subprocess.run([a.binary, *a.paths, "--no-cache", "--format", "json", "--jobs", a.jobs, *extra],
                       capture_output=True, text=True)
    wall = time.monotonic() - t
    if p.returncode not in (0, 1, 3):
        sys.exit(f"{mode}: exit {p.returncode}: {p.stderr}")
    rep = json.loads(p.stdout)
    reports[mode] = rep
    s = rep["summary"]
    passing = s.get("proved", 0) + s.get("holds", 0)
    rows.append((mode, s.get("proved", 0), s.get("holds", 0), passing, s.get("violated", 0), s.get("unknown", 0), s.get("error", 0), wall))

load = os.getloadavg()[0]
print(f"Command: `python3 scripts/proof-benchmark.py --binary {a.binary} --jobs {a.jobs} {' '.join(a.paths)}` (load average {load:.1f})\n")
print("| mode | proved | holds to depth 10 | passing | violated | unknown | error | wall (s) |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]:.1f} |")
print()
by_rule = {}
for r in reports["with proofs (default)"]["results"]:
    if r["verdict"] in ("proved", "holds"):
        d = by_rule.setdefault(r["rule"], [0, 0])
        d[0 if r["verdict"] == "proved" else 1] += 1
print("| rule | proved | holds to depth 10 |")
print("|---|---|---|")
for rule, (pr, ho) in sorted(by_rule.items()):
    print(f"| {rule} | {pr} | {ho} |")
print()
by_method = {}
for r in reports["with proofs (default)"]["results"]:
    if r["verdict"] == "proved":
        m = r.get("proof", "?")
        m = "k-induction" if m.endswith("-induction") else m
        by_method[m] = by_method.get(m, 0) + 1
print("| engine (`proof`) | proved |")
print("|---|---|")
for m, n in sorted(by_method.items()):
    print(f"| {m} | {n} |")
print()
props = [r for r in reports["with proofs (default)"]["results"] if r["rule"] != "sanity" and r["verdict"] in ("proved", "holds")]
proved = sum(1 for r in props if r["verdict"] == "proved")
print(f"Property checks that pass (sanity excluded): {len(props)}, proved {proved} ({100.0 * proved / max(1, len(props)):.1f}%)\n")
print("Still bounded (holds to the depth):\n")
for r in props:
    if r["verdict"] == "holds":
        print(f"- {r['procedure']} `{r['rule']}`")
