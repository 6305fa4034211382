#!/usr/bin/env python3
"""Shell-free CPU timing of short commands, a cross-check for hyperfine below ~5 ms (stdlib only).

    spawn_cpu.py --stdin FILE [--stdout FILE] [--runs N] [--warmup N] --export-json OUT CMD...

Each CMD (split on spaces; no shell) is spawned directly with stdin from FILE and stdout to
/dev/null (or --stdout FILE, truncated each run), and its user+sys time is read from wait4's
rusage of that one child. hyperfine runs commands through `sh -c` and subtracts a calibrated shell
start-up (~0.5-1 ms here), which is the same order as the commands themselves. The JSON written has
hyperfine's shape (results[].command, times, median, user, system) so report.py reads either.
"""

import argparse
import json
import os
import statistics
import sys
import time


def run_once(argv, stdin, stdout):
    fd_in = os.open(stdin, os.O_RDONLY)
    fd_out = os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        started = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ,
                              file_actions=[(os.POSIX_SPAWN_DUP2, fd_in, 0), (os.POSIX_SPAWN_DUP2, fd_out, 1)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - started
    finally:
        os.close(fd_in)
        os.close(fd_out)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("spawn_cpu: %r exited with status %d" % (" ".join(argv), os.waitstatus_to_exitcode(status)))
    return wall, usage.ru_utime, usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stdin", required=True)
    parser.add_argument("--stdout", default=os.devnull)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--export-json", required=True)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()

    results = []
    for command in args.commands:
        argv = command.split()
        for _ in range(args.warmup):
            run_once(argv, args.stdin, args.stdout)
        walls, users, systems = [], [], []
        for _ in range(args.runs):
            wall, user, system = run_once(argv, args.stdin, args.stdout)
            walls.append(wall)
            users.append(user)
            systems.append(system)
        shown = "%s < %s > %s" % (command, args.stdin, args.stdout)
        results.append({"command": shown, "times": walls, "mean": statistics.mean(walls),
                        "median": statistics.median(walls), "user": statistics.mean(users),
                        "system": statistics.mean(systems)})
        print("  %-55s %4d runs  median wall %7.2f ms  mean CPU %7.2f ms"
              % (shown, args.runs, statistics.median(walls) * 1e3,
                 (statistics.mean(users) + statistics.mean(systems)) * 1e3))
    with open(args.export_json, "w") as handle:
        json.dump({"results": results, "tool": "bench/spawn_cpu.py"}, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
