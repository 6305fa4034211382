#!/usr/bin/env python3
"""Checks bench/run.sh makes before timing anything (stdlib only).

    verify.py stripped FILE...     each file is a notebook whose code cells have no outputs and
                                   no execution counts; prints one line per file
    verify.py blobs REPO           the same for every *.ipynb blob committed at HEAD in REPO
    verify.py same A B             informational: are A and B the same bytes? (never fails)

Exit status 1 when a check fails, with the reason on stderr.
"""

import json
import subprocess
import sys


def problems(data, name):
    """What is left in a notebook that a clean should have removed (empty list = stripped)."""
    try:
        nb = json.loads(data)
    except ValueError as error:
        return ["%s: not JSON (%s)" % (name, error)]
    found = []
    cells = nb.get("cells")
    if not isinstance(cells, list) or not cells:
        return ["%s: no cells" % name]
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            found.append("%s: cell %d still has %d output(s)" % (name, index, len(cell["outputs"])))
        if cell.get("execution_count") is not None:
            found.append("%s: cell %d still has execution_count %r" % (name, index, cell["execution_count"]))
    return found


def report(found):
    for line in found[:20]:
        print("verify: " + line, file=sys.stderr)
    if len(found) > 20:
        print("verify: ... and %d more" % (len(found) - 20), file=sys.stderr)
    return 1 if found else 0


def stripped(paths):
    found = []
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        these = problems(data, path)
        if not these:
            nb = json.loads(data)
            print("  ok  %-40s %4d cells, %9d bytes, no outputs" % (path, len(nb["cells"]), len(data)))
        found += these
    return report(found)


def blobs(repo):
    listing = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "HEAD"], check=True,
                             capture_output=True, text=True).stdout.splitlines()
    entries = [line.split(None, 3) for line in listing]
    notebooks = [(oid, path) for _, kind, oid, path in entries if kind == "blob" and path.endswith(".ipynb")]
    if not notebooks:
        return report(["%s: no notebooks committed at HEAD" % repo])
    batch = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], check=True, capture_output=True,
                           input="".join(oid + "\n" for oid, _ in notebooks).encode()).stdout
    found, offset, total = [], 0, 0
    for oid, path in notebooks:
        header_end = batch.index(b"\n", offset)
        size = int(batch[offset:header_end].split()[2])
        data = batch[header_end + 1:header_end + 1 + size]
        offset = header_end + 1 + size + 1
        total += size
        found += problems(data, "%s:%s" % (repo, path))
    if not found:
        print("  ok  %-40s %4d committed notebooks stripped, %.1f MB in blobs" % (repo, len(notebooks), total / 1e6))
    return report(found)


def same(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        equal = fa.read() == fb.read()
    print("  %s  %s %s %s" % ("==" if equal else "!=", a, "is byte-identical to" if equal else "differs from", b))
    return 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "stripped":
        return stripped(argv[1:])
    if len(argv) == 2 and argv[0] == "blobs":
        return blobs(argv[1])
    if len(argv) == 3 and argv[0] == "same":
        return same(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
