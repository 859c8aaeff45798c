#!/usr/bin/env python3
"""Authority-check benchmark: recovcheck's structured encoding against the naive baseline.

The baseline is the encoding design.md describes as what a hand-written SMT model gives: the
no-unilateral-control check unrolled at every depth with one "signed" Boolean per key per step,
summed against the threshold (`--authority-encoding naive`). recovcheck's own encoding checks fixed
authority once on the holder table. Both run side by side in one run, on the same generated IR.

Usage: python3 scripts/benchmark.py [--binary .build/debug/recovcheck] [--out docs/benchmarks.md]
"""
import argparse, json, os, subprocess, sys, tempfile, time

LOC = {"file": "benchmark.json", "line": 1, "column": 1}

def var(name, typ, lo=None, hi=None, initial=None):
    v = {"name": name, "type": typ, "loc": LOC}
    if lo is not None: v["min"] = lo
    if hi is not None: v["max"] = hi
    if initial is not None: v["initial"] = initial
    return v

def e_var(n): return {"op": "var", "name": n}
def e_int(v): return {"op": "int", "value": v}
def e_bool(v): return {"op": "bool", "value": v}
def e(op, *args): return {"op": op, "args": list(args)}
def e_param(n): return {"op": "param", "name": n}
def e_sel(m, i): return {"op": "select", "name": m, "args": [i]}

def lending_program(entities, keys_per_entity, threshold):
    names = [f"E{i}" for i in range(entities)]
    keys = [{"name": f"k{i}_{j}", "holder": names[i], "loc": LOC} for i in range(entities) for j in range(keys_per_entity)]
    guardian = {"name": "guardian", "kind": "multisig", "keys": [k["name"] for k in keys], "threshold": threshold, "loc": LOC}
    assign = lambda t, v, idx=None: dict({"kind": "assign", "target": t, "value": v, "loc": LOC}, **({"index": idx} if idx else {}))
    model = {
        "name": "Pool", "loc": LOC, "minCoalition": 2, "delegations": [], "assumptions": [], "invariants": [],
        "state": [var("paused", "bool", initial=e_bool(False)), var("cash", "int", 0, 1_000_000),
                  var("stolen", "int", 0, 1_000_000), var("balance", "map", 0, 1_000)],
        "entities": [{"name": n, "loc": LOC} for n in names], "keys": keys, "roles": [guardian],
        "actions": [
            {"name": "pause", "by": ["guardian"], "user": False, "params": [], "guard": e("not", e_var("paused")),
             "effects": [assign("paused", e_bool(True))], "loc": LOC},
            {"name": "withdraw", "by": [], "user": True,
             "params": [{"name": "amount", "type": "int", "min": 1, "max": 100, "loc": LOC}],
             "guard": e("and", e("not", e_var("paused")), e("ge", e_sel("balance", e_param("caller")), e_param("amount"))),
             "effects": [assign("balance", e("sub", e_sel("balance", e_param("caller")), e_param("amount")), e_param("caller"))],
             "loc": LOC},
        ],
        "claim": {"name": "claim", "expr": e_sel("balance", {"op": "account"}), "loc": LOC},
    }
    incident = {"name": "Exploit", "model": "Pool", "compromised": [], "oracles": [], "borrowable": [], "assumptions": [], "loc": LOC,
                "attacks": [{"name": "drain", "by": [], "user": False,
                             "params": [{"name": "amount", "type": "int", "min": 1, "max": 100, "loc": LOC}],
                             "guard": e("ge", e_var("cash"), e_param("amount")), "live": e("not", e_var("paused")),
                             "effects": [assign("cash", e("sub", e_var("cash"), e_param("amount"))),
                                         assign("stolen", e("add", e_var("stolen"), e_param("amount")))], "loc": LOC}]}
    procedure = {"name": "PauseOnExploit", "model": "Pool", "incident": "Exploit", "loc": LOC, "invariants": [],
                 "trigger": {"name": "trigger", "expr": e("gt", e_var("stolen"), e_int(0)), "loc": LOC},
                 "steps": [{"name": "pause", "action": "pause", "role": "guardian", "args": [], "after": 0, "within": 3600,
                            "writes": ["paused"], "bounds": [], "loc": LOC}]}
    return {"version": 1, "models": [model], "incidents": [incident], "procedures": [procedure]}

def run(binary, path, depth, encoding):
    cmd = [binary, path, "--rule", "no-unilateral-control", "--depth", str(depth), "--format", "json",
           "--authority-encoding", encoding, "--timeout", "600", "--jobs", "1", "--no-cache"]
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit(f"benchmark run failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    # --rule keeps the sanity check; compare the verdicts of the rule benchmarked.
    verdicts = [r["verdict"] for r in json.loads(p.stdout)["results"] if r["rule"] == "no-unilateral-control"]
    return elapsed, verdicts

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/debug/recovcheck")
    ap.add_argument("--out", default="docs/benchmarks.md")
    args = ap.parse_args()
    cases = [("9-key guardian (9 entities, 5 of 9)", 9, 1, 5, [10, 40, 80]),
             ("300 keys held by 100 entities (151 of 300)", 100, 3, 151, [10])]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for title, ents, kpe, th, depths in cases:
            path = os.path.join(tmp, f"case{len(rows)}.json")
            with open(path, "w") as f: json.dump(lending_program(ents, kpe, th), f)
            for d in depths:
                naive, vn = run(args.binary, path, d, "naive")
                structured, vs = run(args.binary, path, d, "structured")
                if vn != vs: sys.exit(f"verdicts differ: naive {vn} vs structured {vs}")
                rows.append((title, d, naive, structured, vs[0]))
                print(f"{title:45} depth {d:3}  naive {naive:8.3f}s  structured {structured:8.3f}s  ratio {naive/structured:7.1f}x  ({vs[0]})", flush=True)
    with open(args.out, "w") as f:
        f.write("# Benchmarks\n\n")
        f.write("The `no-unilateral-control` check, run by the real binary on generated IR, with recovcheck's\n")
        f.write("structured authority encoding against the naive baseline (one \"signed\" Boolean per key per\n")
        f.write("step, unrolled to the depth — `--authority-encoding naive`). Both run side by side in one run;\n")
        f.write("times include process start and IR loading; ratios are what to compare across machines.\n\n")
        f.write(f"Reproduce: `swift build && python3 scripts/benchmark.py --binary {args.binary}` (load average {os.getloadavg()[0]:.1f} during this run).\n\n")
        f.write("| case | depth | naive (s) | structured (s) | ratio | verdict |\n|---|---|---|---|---|---|\n")
        for title, d, n, s, v in rows:
            f.write(f"| {title} | {d} | {n:.3f} | {s:.3f} | {n/s:.1f}x | {v} |\n")
    print(f"wrote {args.out}")

if __name__ == "__main__":
    main()
