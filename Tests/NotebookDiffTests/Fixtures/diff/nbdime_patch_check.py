#!/usr/bin/env python3
"""Checks quire's nbdime-format diffs with nbdime itself (run by DiffNbdimeCheckTests).

    python nbdime_patch_check.py MANIFEST.json

MANIFEST is a list of {"name", "a", "b", "diff", "compare"}: "a" and "b" are notebooks as quire
read them (JSON, multi-line text as lists or strings), "diff" is quire's diff of a into b. For
each pair the notebooks are put in nbformat's in-memory form (lines joined, as nbformat.read
does), quire's diff is applied to a with nbdime.patch, and the result must equal b. With
"compare", nbdime's own diff_notebooks(a, b) is also computed and the places the two diffs touch
(down to /cells/N/key) are compared; that part only informs, as two valid diffs may differ.

Prints one line per failing pair and a summary; exits 1 when any patch fails.
"""

import json
import sys

import nbformat
from nbformat.v4.rwbase import rejoin_lines
from nbdime import diff_notebooks
from nbdime.diff_format import DiffEntry, validate_diff
from nbdime.patching import patch


def load(path):
    with open(path, encoding="utf-8") as f:
        nb = nbformat.from_dict(json.load(f))
    return rejoin_lines(nb)


def entries(diff):
    """JSON diff entries as nbdime's DiffEntry objects; values stay plain JSON."""
    result = []
    for e in diff:
        e = dict(e)
        if e["op"] == "patch":
            e["diff"] = entries(e["diff"])
        result.append(DiffEntry(**e))
    return result


def places(diff, prefix="", depth=0):
    """The places a diff touches: /cells/3/source, /cells/+2 (inserted at 2), /metadata/foo."""
    found = set()
    for e in diff:
        op, key = e["op"], e["key"]
        if op == "addrange":
            found.add("%s/+%s" % (prefix, key))
        elif op == "removerange":
            found.update("%s/-%d" % (prefix, key + i) for i in range(e["length"]))
        elif op == "patch" and (prefix == "" or (prefix == "/cells" and depth == 1)):
            found |= places(e["diff"], "%s/%s" % (prefix, key), depth + 1)
        else:
            found.add("%s/%s" % (prefix, key))
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    failed = compared = same = 0
    for case in cases:
        a, b = load(case["a"]), load(case["b"])
        with open(case["diff"], encoding="utf-8") as f:
            ours = json.load(f)
        try:
            diff = entries(ours)
            validate_diff(diff, deep=True)
            result = patch(a, diff)
            ok = result == b
            reason = "patched notebook differs from b"
        except Exception as error:  # noqa: BLE001 - any failure of nbdime's patcher is a finding
            ok, reason = False, "nbdime.patch failed: %r" % (error,)
        if not ok:
            failed += 1
            print("FAIL %s: %s" % (case["name"], reason))
            continue
        if case.get("compare"):
            compared += 1
            theirs = diff_notebooks(a, b)
            if places(ours) == places(theirs):
                same += 1
            else:
                print("DIFFERENT PLACES %s: quire %s, nbdime %s" % (
                    case["name"], sorted(places(ours) - places(theirs)), sorted(places(theirs) - places(ours))))
    print("nbdime check: %d pairs, %d patched by nbdime.patch to exactly b, %d failed; "
          "same places as nbdime's own diff in %d of %d compared" % (len(cases), len(cases) - failed, failed, same, compared))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
