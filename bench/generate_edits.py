"""Edited versions of bench/out/large.ipynb for the diff and merge benchmarks.

  large_local.ipynb    10 code cells edited (source and stream output), as one teammate would
  large_remote.ipynb   10 other code cells edited and one cell inserted, as another would

Deterministic (fixed seed). The base is large.ipynb from bench/generate.py, so run that first.
The shapes follow reference/vcs-anchors.md section 5 (nbdiff and nbmerge on the large notebook).
"""

import copy
import os
import random
import sys

import nbformat

SEED = 20261127


def edit(cell, rng, tag):
    lines = cell.source.split("\n")
    index = rng.randrange(len(lines))
    lines[index] = lines[index] + "  # %s edit %d" % (tag, rng.randrange(1000))
    cell.source = "\n".join(lines)
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            output["text"] = output["text"] + "%s changed this output\n" % tag


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
    base = nbformat.read(os.path.join(out, "large.ipynb"), as_version=4)
    rng = random.Random(SEED)
    code = [i for i, cell in enumerate(base.cells) if cell.cell_type == "code"]
    chosen = rng.sample(code, 20)
    local, remote = copy.deepcopy(base), copy.deepcopy(base)
    for i in chosen[:10]:
        edit(local.cells[i], rng, "local")
    for i in chosen[10:]:
        edit(remote.cells[i], rng, "remote")
    inserted = nbformat.v4.new_code_cell("print('a cell only the remote side added')")
    inserted.id = "remoteadded01"
    remote.cells.insert(rng.randrange(len(remote.cells)), inserted)
    for name, nb in (("large_local.ipynb", local), ("large_remote.ipynb", remote)):
        nbformat.validate(nb)
        nbformat.write(nb, os.path.join(out, name))
        print("%-19s %8.1f MB" % (name, os.path.getsize(os.path.join(out, name)) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
