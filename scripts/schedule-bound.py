#!/usr/bin/env python3
"""The critical-path bound of `--jobs N` from the checks' CPU seconds of the last run.

Reads the cache folder's durations.json (written by every `recovcheck check` run, with or without
--no-cache) and prints the total CPU seconds of the checks, the longest check, total/N, and the
finish time of N workers that start the checks longest first (as recovcheck does) with those
costs: the best wall time `--jobs N` can reach with N whole cores, process start-up aside.

Usage: scripts/schedule-bound.py [DURATIONS_JSON] [N]   (default .recovcheck-cache/durations.json, 2)
"""
import heapq
import json
import sys

path = sys.argv[1] if len(sys.argv) > 1 else ".recovcheck-cache/durations.json"
workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
checks = json.load(open(path))["checks"]
costs = sorted(((e["seconds"], k.replace("\x1f", " ")) for k, e in checks.items()), reverse=True)
total = sum(c for c, _ in costs)
free = [0.0] * workers
for c, _ in costs:
    heapq.heappush(free, heapq.heappop(free) + c)
makespan = max(free)
print(f"{len(costs)} checks, {total:.1f} CPU s in all; longest {costs[0][0]:.1f} s ({costs[0][1]}); "
      f"total/{workers} {total / workers:.1f} s")
print(f"longest first on {workers} workers: done at {makespan:.1f} s, "
      f"{total / makespan:.2f}x the one-worker time")
