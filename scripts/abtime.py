#!/usr/bin/env python3
"""Time one command, or two commands A and B side by side, each run as a whole process.

    python3 scripts/abtime.py [-n N] [--warmup K] [--timeout S] [--shell] [--vs "COMMAND B"] -- COMMAND A

Each run starts the command as its own process (no shell unless --shell) and waits for it with
os.wait4, so the figures are the whole process: wall time (start to exit), CPU time (user + system
of the process and of the children it waited for, from the rusage wait4 returns) and max RSS (the
largest resident set of the process or one of those children; on Linux never below this script's
own, about 15 MiB, since the kernel counts the memory at fork). Output is not captured: redirect it
in the command (`sh -c 'exec CMD >>A.log 2>&1'`) if it should not reach the terminal.

With --vs, A and B are alternated, A B A B ..., for N pairs after K warm-up pairs (not counted), so
a change in machine load hits both about equally. How to read the report:
- per command, min / median / max over the counted runs of wall and CPU seconds, and the max RSS;
  on a shared machine wall times are noisy, CPU times much less so;
- for pairs, the ratio A/B computed pair by pair (A's run against the B run right after it): the
  median and the min-max over the pairs. Below 1: A took less than B.
A run that exits non-zero, is killed by a signal or passes --timeout stops the whole call with a
message naming the command and the run, and a non-zero exit status. Python 3 standard library only.
"""

import argparse
import os
import shlex
import signal
import statistics
import subprocess
import sys
import threading
import time


def run_once(argv, timeout):
    """Runs argv once; returns (wall s, cpu s, max RSS in bytes, failure or None)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, start_new_session=True)
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the whole group: a shell's children too
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        if timer:
            timer.cancel()
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped; keeps Popen from waiting again
    cpu = usage.ru_utime + usage.ru_stime
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # Linux reports KiB
    failure = None
    if timed_out.is_set():
        failure = f"timed out after {timeout:g} s"
    elif os.WIFSIGNALED(status):
        failure = f"killed by signal {os.WTERMSIG(status)}"
    elif os.WEXITSTATUS(status) != 0:
        failure = f"exit status {os.WEXITSTATUS(status)}"
    return wall, cpu, rss, failure


def spread(values, fmt="{:.3f}"):
    return " / ".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


def main():
    parser = argparse.ArgumentParser(
        description="Time a command (or A against B, alternated) as whole processes: wall, CPU, max RSS.",
        usage='%(prog)s [-n N] [--warmup K] [--timeout S] [--shell] [--vs "COMMAND B"] -- COMMAND A',
    )
    parser.add_argument("-n", type=int, default=5, metavar="N", help="counted runs (pairs with --vs); default 5")
    parser.add_argument("--warmup", type=int, default=1, metavar="K", help="uncounted runs (pairs) first; default 1")
    parser.add_argument("--timeout", type=float, default=None, metavar="S", help="kill a run after S seconds (fails)")
    parser.add_argument("--vs", metavar="COMMAND B", help="command B, one string split with shlex (or run by sh)")
    parser.add_argument("--shell", action="store_true", help="run each command as one string with sh -c")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="command A, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command: give command A after --")
    if args.n < 1 or args.warmup < 0:
        parser.error("-n must be at least 1 and --warmup at least 0")

    def argv_of(words_or_string):
        if args.shell:
            text = words_or_string if isinstance(words_or_string, str) else " ".join(words_or_string)
            return ["sh", "-c", text]
        return shlex.split(words_or_string) if isinstance(words_or_string, str) else list(words_or_string)

    commands = [("A", argv_of(command))]
    if args.vs is not None:
        commands.append(("B", argv_of(args.vs)))
    results = {name: [] for name, _ in commands}  # name -> [(wall, cpu, rss)]
    for index in range(args.warmup + args.n):
        counted = index >= args.warmup
        label = f"run {index - args.warmup + 1} of {args.n}" if counted else f"warm-up {index + 1} of {args.warmup}"
        for name, argv in commands:
            try:
                wall, cpu, rss, failure = run_once(argv, args.timeout)
            except OSError as error:
                wall, cpu, rss, failure = 0, 0, 0, f"could not start: {error}"
            if failure:
                print(f"abtime: {name} failed ({label}): {failure}: {shlex.join(argv)}", file=sys.stderr)
                return 1
            if counted:
                results[name].append((wall, cpu, rss))

    noun = "pairs" if len(commands) == 2 else "runs"
    print(f"abtime: {args.n} {noun} counted after {args.warmup} warm-up; min / median / max")
    for name, argv in commands:
        runs = results[name]
        print(f"{name}: {shlex.join(argv)}")
        print(f"  wall s  {spread([r[0] for r in runs])}")
        print(f"  cpu s   {spread([r[1] for r in runs])}   (user+sys, process and children)")
        print(f"  max RSS {max(r[2] for r in runs) / 2**20:.1f} MiB")
    if len(commands) == 2:
        for column, what in ((1, "cpu"), (0, "wall")):
            ratios = [a[column] / b[column] if b[column] > 0 else float("inf")
                      for a, b in zip(results["A"], results["B"])]
            print(f"A/B {what:<4} {statistics.median(ratios):.3f} median pair by pair"
                  f" ({min(ratios):.3f}-{max(ratios):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
