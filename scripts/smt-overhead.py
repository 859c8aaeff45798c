#!/usr/bin/env python3
"""recovcheck's time outside the solver against raw Z3 on the queries it emits (issue 15).

For each spec file: runs `recovcheck SPEC --dump-smt DIR --timings --jobs 1 --no-cache --quiet`,
reads its `timings:` line (process CPU, CPU inside Z3's checks, the rest, the part writing the
dump), then replays every dumped query through Z3's C API in one process (scripts/z3-replay.c,
built here with gcc against the same libz3: each file parsed and solved in a fresh context,
thread CPU time, answers compared with recovcheck's) and through the `z3` command line (a
process per file, user+sys CPU). Prints a Markdown table.

    python3 scripts/smt-overhead.py --binary .build/release/recovcheck specs/BridgeKeyRotation.swift specs/GovernanceVeto.swift
"""
import argparse, os, re, resource, subprocess, sys, tempfile

def run_recovcheck(binary, spec, dump):
    p = subprocess.run([binary, spec, "--dump-smt", dump, "--timings", "--jobs", "1", "--no-cache", "--quiet"],
                       capture_output=True, text=True)
    m = re.search(r"timings: ([\d.]+) s CPU in this process: ([\d.]+) s in (\d+) Z3 check\(s\), ([\d.]+) s outside the solver .*?of which ([\d.]+) s writing", p.stderr)
    if not m:
        sys.exit(f"no timings line from {spec} (exit {p.returncode}):\n{p.stderr[-2000:]}")
    return dict(process=float(m[1]), inz3=float(m[2]), queries=int(m[3]), outside=float(m[4]), dump=float(m[5]))

def replay(tool, files):
    p = subprocess.run([tool] + files, capture_output=True, text=True)
    last = p.stdout.strip().splitlines()[-1]
    m = re.match(r"total ([\d.]+) s in (\d+) file\(s\), (\d+) different", last)
    if not m or p.returncode not in (0, 1):
        sys.exit(f"z3-replay failed: {p.stderr[-2000:]}")
    return float(m[1]), int(m[3])

def z3_cli(files):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for f in files:
        subprocess.run(["z3", f], capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("specs", nargs="+")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as tmp:
        tool = os.path.join(tmp, "z3-replay")
        subprocess.run(["gcc", "-O2", os.path.join(here, "z3-replay.c"), "-lz3", "-o", tool], check=True)
        print("| spec | queries | recovcheck process CPU s | in Z3 s | outside s (dump writing) | raw Z3 API s (same queries) | outside / raw Z3 | process / raw Z3 | z3 command line s | answers differing |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for spec in a.specs:
            dump = os.path.join(tmp, os.path.basename(spec) + ".dump")
            t = run_recovcheck(a.binary, spec, dump)
            files = sorted(os.path.join(dump, f) for f in os.listdir(dump) if f.endswith(".smt2"))
            raw, differing = replay(tool, files)
            cli = z3_cli(files)
            print(f"| {os.path.basename(spec)} | {t['queries']} | {t['process']:.2f} | {t['inz3']:.2f} | {t['outside']:.2f} ({t['dump']:.2f}) "
                  f"| {raw:.2f} | {100 * t['outside'] / raw:.0f}% | {100 * t['process'] / raw:.0f}% | {cli:.2f} | {differing} |")

main()
