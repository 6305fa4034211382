"""Prints the CPU-time table of a side-by-side hyperfine run (quire against an anchor tool).

usage: ratio_table.py OUT PREFIX ANCHOR TITLE TARGET
  reads OUT/PREFIX-small.json and OUT/PREFIX-large.json (hyperfine --export-json) whose commands
  are named `quire` and ANCHOR; TARGET is the least CPU ratio the issue asks for.
"""
import json
import os
import sys

out, prefix, anchor, title, target = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
print("| %s | quire CPU | %s CPU | ratio | target >= %gx |" % (title, anchor, target))
print("|---|---:|---:|---:|---|")
for nb in ("small", "large"):
    with open(os.path.join(out, "%s-%s.json" % (prefix, nb))) as f:
        results = {x["command"]: x for x in json.load(f)["results"]}
    cpu = lambda x: x["user"] + x["system"]
    ratio = cpu(results[anchor]) / cpu(results["quire"])
    print("| %s.ipynb | %.1f ms | %.0f ms | %.0fx | %s |" % (
        nb, cpu(results["quire"]) * 1e3, cpu(results[anchor]) * 1e3, ratio, "PASS" if ratio >= target else "MISS"))
