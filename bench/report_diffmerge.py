#!/usr/bin/env python3
"""Summarise bench/diffmerge.sh: CPU, wall and peak memory of quire against nbdime (stdlib only).

    report_diffmerge.py [OUT_DIR]     prints the tables and writes OUT_DIR/summary-diffmerge.md

CPU is hyperfine's mean user + system time; wall is the median. Targets are informational.
"""

import json
import os
import sys


def results(path):
    with open(path) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "out")
    peak = {}
    with open(os.path.join(out, "peak-memory.txt")) as f:
        for line in f:
            name, value = line.split()
            peak[name] = int(value)
    size_mb = peak["notebook-bytes"] / 1e6
    lines = []
    targets = []
    for case, file, anchor, quire_peak, anchor_peak in (
        ("(d) diff of large.ipynb against large_local.ipynb", "d-diff.json", "nbdiff", "quire-diff", "nbdiff"),
        ("(e) merge of large.ipynb, large_local.ipynb, large_remote.ipynb", "e-merge.json", "nbmerge", "quire-merge", "nbmerge"),
    ):
        r = results(os.path.join(out, file))
        q, a = r["quire"], r[anchor]
        cpu = lambda x: x["user"] + x["system"]
        lines += ["### " + case, "",
                  "| tool | median wall | mean CPU (user+sys) | peak memory |",
                  "|---|---:|---:|---:|"]
        for name, x, p in (("quire", q, quire_peak), (anchor, a, anchor_peak)):
            lines.append("| %s | %.0f ms | %.0f ms | %.0f MiB |" % (name, x["median"] * 1e3, cpu(x) * 1e3, peak[p] / 1024))
        ratio = cpu(a) / cpu(q)
        lines += ["", "%s CPU / quire CPU = **%.1fx**; wall ratio %.1fx" % (anchor, ratio, a["median"] / q["median"]), ""]
        targets.append(("%s: quire >= 20x less CPU" % anchor, "%.1fx" % ratio, ratio >= 20))
        memory_ratio = peak[quire_peak] * 1024 / peak["notebook-bytes"]
        targets.append(("%s: quire peak memory < 3x the notebook (%.1f MB)" % (case.split(")")[0] + ")", size_mb),
                        "%.1fx" % memory_ratio, memory_ratio < 3))
    lines += ["### Targets (informational)", "", "| target | measured | result |", "|---|---:|---|"]
    for name, measured, ok in targets:
        lines.append("| %s | %s | %s |" % (name, measured, "PASS" if ok else "MISS"))
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(out, "summary-diffmerge.md"), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
