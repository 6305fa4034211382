#!/usr/bin/env python3
"""Summarise bench/run.sh's hyperfine JSON: one table per case, ratios, targets (stdlib only).

    report.py [OUT_DIR]        (default bench/out) prints the tables and writes OUT_DIR/summary.md

CPU time is hyperfine's mean user + system time of the command and every process it waited for
(git's filters included), which is the robust figure on a shared machine; wall time is the median.
Targets are informational: a miss is printed as MISS and the exit status stays 0.
"""

import json
import os
import sys

CASES = [
    ("a", "(a) clean of small.ipynb (stdin to stdout)", ["a-small.json"]),
    ("a2", "(a') small.ipynb again, spawned without a shell (cross-check of (a))", ["a-small-noshell.json"]),
    ("b", "(b) clean of large.ipynb (stdin to stdout)", ["b-large.json"]),
    ("c", "(c) git status --porcelain, 200 touched notebooks", ["c-git-status.json", "c-git-status-nbstripout.json"]),
]
TOOLS = ["quire", "nbstripout", "nb-clean", "no filter"]

# (case, description, numerator tool, denominator tool, threshold): target met when num/den >= threshold.
TARGETS = [
    ("a", "quire >= 50x less CPU than nbstripout, small notebook", "nbstripout", "quire", 50.0),
    ("a", "quire CPU <= nb-clean CPU, small notebook", "nb-clean", "quire", 1.0),
    ("a2", "the same, shell-free cross-check (a')", "nb-clean", "quire", 1.0),
    ("b", "quire CPU <= nb-clean CPU, large notebook", "nb-clean", "quire", 1.0),
    ("c", "git status with quire's filter >= 3x less CPU than with nb-clean's", "nb-clean", "quire", 3.0),
]


def tool_of(command):
    for tool in ("nbstripout", "nb-clean", "quire"):
        if tool in command:
            return tool
    return "no filter"


def load(out, files):
    rows = {}
    for name in files:
        path = os.path.join(out, name)
        if not os.path.exists(path):
            continue
        with open(path) as handle:
            for result in json.load(handle)["results"]:
                rows[tool_of(result["command"])] = {
                    "command": result["command"],
                    "runs": len(result["times"]),
                    "median": result["median"],
                    "cpu": result["user"] + result["system"],
                    "user": result["user"],
                    "system": result["system"],
                }
    return rows


def seconds(value):
    if value >= 10:
        return "%.1f s" % value
    if value >= 1:
        return "%.2f s" % value
    if value >= 0.01:
        return "%.0f ms" % (value * 1e3)
    return "%.1f ms" % (value * 1e3)


def ratio(num, den):
    if den <= 0:
        return float("inf")
    return num / den


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
    data = {key: load(out, files) for key, _, files in CASES}
    lines = []

    env = os.path.join(out, "environment.txt")
    if os.path.exists(env):
        with open(env) as handle:
            lines += ["```", handle.read().rstrip("\n"), "```", ""]

    for key, title, _ in CASES:
        rows = data[key]
        lines += ["### " + title, ""]
        if not rows:
            lines += ["(not run)", ""]
            continue
        lines += ["| tool | command | runs | median wall | mean CPU (user+sys) | CPU / quire CPU |",
                  "|---|---|---:|---:|---:|---:|"]
        quire = rows.get("quire")
        for tool in TOOLS:
            row = rows.get(tool)
            if row is None:
                continue
            factor = "%.1f×" % ratio(row["cpu"], quire["cpu"]) if quire else "–"
            lines.append("| %s | `%s` | %d | %s | %s | %s |" % (tool, row["command"], row["runs"], seconds(row["median"]),
                                                               seconds(row["cpu"]), factor))
        if quire:
            parts = ["%s CPU / quire CPU = **%.1f×**" % (tool, ratio(rows[tool]["cpu"], quire["cpu"]))
                     for tool in ("nbstripout", "nb-clean") if tool in rows]
            parts += ["%s wall / quire wall = %.1f×" % (tool, ratio(rows[tool]["median"], quire["median"]))
                      for tool in ("nbstripout", "nb-clean") if tool in rows]
            lines += ["", "; ".join(parts)]
        lines.append("")

    lines += ["### Targets (informational)", "", "| target | measured | result |", "|---|---:|---|"]
    for key, description, num, den, threshold in TARGETS:
        rows = data[key]
        if num not in rows or den not in rows:
            lines.append("| %s | not measured | – |" % description)
            continue
        value = ratio(rows[num]["cpu"], rows[den]["cpu"])
        if threshold == 1.0:
            measured = "quire %s vs nb-clean %s (%.2f×)" % (seconds(rows[den]["cpu"]), seconds(rows[num]["cpu"]), value)
        else:
            measured = "%.1f× (need ≥ %g×)" % (value, threshold)
        lines.append("| %s | %s | %s |" % (description, measured, "PASS" if value >= threshold else "MISS"))
    lines.append("")

    text = "\n".join(lines)
    print(text)
    with open(os.path.join(out, "summary.md"), "w") as handle:
        handle.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
