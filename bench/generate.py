#!/usr/bin/env python3
"""Generate the benchmark notebooks, deterministically, into bench/out/.

    .venv/bin/python bench/generate.py [--out DIR] [--seed N]

Writes (shapes as in reference/vcs-anchors.md §5):
  small.ipynb     20 cells (4 markdown), 2 PNG outputs, ~70 KB
  large.ipynb     500 cells (100 markdown), 78 PNG outputs of ~250 KB random base64 each,
                  plus stream and execute_result outputs, ~20 MB
  repo/*.ipynb    200 varied small notebooks with outputs, 20-60 KB each, the working tree
                  that bench/run.sh copies into one git repository per clean filter

Everything comes from one fixed seed, cell ids included (nbformat would otherwise invent random
ones), so two runs write identical bytes. Needs nbformat (the bench venv has 5.11.1).
"""

import argparse
import base64
import os
import random
import shutil
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

SEED = 20240611
WORDS = (
    "data model loss epoch batch feature sample train test split score metric value frame "
    "column index series mean std count rate learning weight layer token vector matrix plot "
    "figure axis label result run experiment baseline config seed cache path file table"
).split()
MODULES = ["numpy as np", "pandas as pd", "matplotlib.pyplot as plt", "torch", "sklearn.metrics"]
HEADINGS = ["Setup", "Load the data", "Exploration", "Features", "Model", "Training",
            "Evaluation", "Plots", "Error analysis", "Conclusions"]


class Maker:
    """Notebook pieces drawn from one random stream."""

    def __init__(self, rng):
        self.rng = rng
        self.execution_count = 0

    def cell_id(self):
        return "%08x" % self.rng.getrandbits(32)

    def words(self, n):
        return " ".join(self.rng.choice(WORDS) for _ in range(n))

    def identifier(self):
        return "_".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 3)))

    def code_source(self, lines):
        out = []
        for _ in range(lines):
            kind = self.rng.random()
            if kind < 0.1:
                out.append("import " + self.rng.choice(MODULES))
            elif kind < 0.2:
                out.append("# " + self.words(self.rng.randint(3, 9)))
            elif kind < 0.4:
                out.append("for %s in range(%d):" % (self.rng.choice("ijk"), self.rng.randint(2, 100)))
                out.append("    %s += %s(%s)" % (self.identifier(), self.identifier(), self.identifier()))
            elif kind < 0.6:
                out.append("%s = %s.%s(%s, axis=%d)" % (self.identifier(), self.rng.choice(["np", "pd", "df"]),
                                                       self.identifier(), self.identifier(), self.rng.randint(0, 1)))
            else:
                out.append("%s = %s(%r, %.4f)" % (self.identifier(), self.identifier(),
                                                 self.words(2), self.rng.random()))
        return "\n".join(out)

    def markdown_source(self, heading=None):
        title = heading or self.words(3).capitalize()
        body = "\n".join("- " + self.words(self.rng.randint(5, 14)) for _ in range(self.rng.randint(1, 5)))
        return "## %s\n\n%s %s.\n\n%s" % (title, self.words(12).capitalize(), self.words(10), body)

    def stream_text(self, lines):
        return "".join("epoch %3d  %s=%.5f  %s=%.5f\n" % (i, self.rng.choice(WORDS), self.rng.random(),
                                                         self.rng.choice(WORDS), self.rng.random())
                       for i in range(lines))

    def html_table(self, rows, cols):
        head = "".join("<th>%s</th>" % self.rng.choice(WORDS) for _ in range(cols))
        body = "".join("<tr><th>%d</th>%s</tr>\n" % (r, "".join("<td>%.4f</td>" % self.rng.random() for _ in range(cols)))
                       for r in range(rows))
        return "<div>\n<table border=\"1\" class=\"dataframe\">\n<thead><tr><th></th>%s</tr></thead>\n<tbody>\n%s</tbody>\n</table>\n</div>" % (head, body)

    def plain_table(self, rows, cols):
        return "\n".join("%d  %s" % (r, "  ".join("%.4f" % self.rng.random() for _ in range(cols))) for r in range(rows))

    def png_base64(self, encoded_size):
        """A PNG signature followed by random bytes: base64 of about encoded_size characters."""
        raw = b"\x89PNG\r\n\x1a\n" + self.rng.randbytes(max(0, encoded_size * 3 // 4 - 8))
        return base64.b64encode(raw).decode("ascii")

    def cell_metadata(self):
        meta = {}
        roll = self.rng.random()
        if roll < 0.3:
            meta["ExecuteTime"] = {"end_time": "2024-06-%02dT10:%02d:%02d.%03dZ" % (self.rng.randint(1, 28), self.rng.randint(0, 59),
                                                                                  self.rng.randint(0, 59), self.rng.randint(0, 999)),
                                   "start_time": "2024-06-01T10:00:00.000Z"}
        elif roll < 0.45:
            meta["scrolled"] = True
        elif roll < 0.55:
            meta["collapsed"] = False
        elif roll < 0.6:
            meta["tags"] = [self.rng.choice(["parameters", "plot", "slow"])]
        return meta

    def code_cell(self, lines, outputs):
        self.execution_count += 1
        for output in outputs:
            if output.output_type == "execute_result":
                output.execution_count = self.execution_count
        return new_code_cell(self.code_source(lines), id=self.cell_id(), metadata=self.cell_metadata(),
                             execution_count=self.execution_count, outputs=outputs)

    def markdown_cell(self, heading=None):
        return new_markdown_cell(self.markdown_source(heading), id=self.cell_id())

    def stream(self, lines, name="stdout"):
        return new_output("stream", name=name, text=self.stream_text(lines))

    def execute_result(self, rows, cols, html=True):
        data = {"text/plain": self.plain_table(rows, cols)}
        if html:
            data["text/html"] = self.html_table(rows, cols)
        return new_output("execute_result", data=data, execution_count=0)

    def image(self, encoded_size):
        return new_output("display_data", data={"image/png": self.png_base64(encoded_size),
                                                "text/plain": "<Figure size 640x480 with 1 Axes>"},
                          metadata={"needs_background": "light"})

    def error(self):
        return new_output("error", ename="ValueError", evalue=self.words(4),
                          traceback=["\x1b[0;31mValueError\x1b[0m Traceback (most recent call last)",
                                     "Cell \x1b[0;32mIn[%d], line 3\x1b[0m" % self.execution_count,
                                     "\x1b[0;31mValueError\x1b[0m: " + self.words(4)])


def notebook(cells, rng, widgets=False):
    meta = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                          "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                          "pygments_lexer": "ipython3", "version": "3.11.%d" % rng.randint(0, 9)},
    }
    if widgets:
        meta["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}}
    return new_notebook(cells=cells, metadata=meta)


def interleave(rng, code, markdown):
    """Markdown cells spread among the code cells, the first cell always markdown."""
    cells = list(code)
    first, rest = markdown[0], markdown[1:]
    for cell in rest:
        cells.insert(rng.randint(0, len(cells)), cell)
    return [first] + cells


def make_small(rng):
    m = Maker(rng)
    image_cells = set(rng.sample(range(16), 2))
    code = []
    for i in range(16):
        outputs = []
        if i in image_cells:
            outputs.append(m.image(rng.randint(28000, 31000)))
        elif i % 3 == 0:
            outputs.append(m.stream(rng.randint(3, 10)))
        elif i % 3 == 1:
            outputs.append(m.execute_result(5, 4, html=(i % 2 == 0)))
        code.append(m.code_cell(rng.randint(2, 8), outputs))
    markdown = [m.markdown_cell(h) for h in ("Small benchmark notebook", "Data", "Model", "Results")]
    return notebook(interleave(rng, code, markdown), rng)


def make_large(rng):
    m = Maker(rng)
    image_cells = set(rng.sample(range(400), 78))
    code = []
    for i in range(400):
        outputs = []
        if i in image_cells:
            outputs.append(m.image(rng.randint(200000, 300000)))
            if rng.random() < 0.3:
                outputs.insert(0, m.stream(rng.randint(1, 4)))
        else:
            roll = rng.random()
            if roll < 0.45:
                outputs.append(m.stream(rng.randint(5, 40)))
            elif roll < 0.8:
                outputs.append(m.execute_result(rng.randint(5, 12), rng.randint(3, 7)))
            elif roll < 0.83:
                outputs.append(m.error())
        code.append(m.code_cell(rng.randint(2, 15), outputs))
    markdown = [m.markdown_cell(HEADINGS[i % len(HEADINGS)] if i % 10 == 0 else None) for i in range(100)]
    return notebook(interleave(rng, code, markdown), rng, widgets=True)


def make_repo_notebook(rng, target_bytes):
    """A small notebook: text cells and outputs first, then plots until it reaches its target size."""
    m = Maker(rng)
    n_code = rng.randint(6, 24)
    code = []
    for _ in range(n_code):
        roll = rng.random()
        outputs = []
        if roll < 0.4:
            outputs.append(m.stream(rng.randint(2, 15)))
        elif roll < 0.7:
            outputs.append(m.execute_result(rng.randint(3, 8), rng.randint(2, 5), html=rng.random() < 0.6))
        elif roll < 0.75:
            outputs.append(m.error())
        code.append(m.code_cell(rng.randint(1, 12), outputs))
    markdown = [m.markdown_cell() for _ in range(rng.randint(1, 6))]
    nb = notebook(interleave(rng, code, markdown), rng, widgets=rng.random() < 0.1)
    size = len(nbformat.writes(nb).encode())
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    while size < target_bytes - 600:
        chunk = min(target_bytes - size - 200, rng.randint(6000, 18000))
        rng.choice(code_cells).outputs.append(m.image(max(chunk, 400)))
        size = len(nbformat.writes(nb).encode())
    return nb


def write(nb, path):
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return os.path.getsize(path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(here, "out"))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--repo-notebooks", type=int, default=200)
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    size = write(make_small(random.Random(args.seed)), os.path.join(args.out, "small.ipynb"))
    print("small.ipynb  %8.1f KB" % (size / 1e3))
    size = write(make_large(random.Random(args.seed + 1)), os.path.join(args.out, "large.ipynb"))
    print("large.ipynb  %8.1f MB" % (size / 1e6))

    repo = os.path.join(args.out, "repo")
    shutil.rmtree(repo, ignore_errors=True)
    os.makedirs(repo)
    rng = random.Random(args.seed + 2)
    sizes = []
    for i in range(args.repo_notebooks):
        target = rng.randint(20000, 60000)
        nb = make_repo_notebook(random.Random(rng.getrandbits(64)), target)
        topic = "-".join(rng.sample(WORDS, 2))
        sizes.append(write(nb, os.path.join(repo, "nb%03d-%s.ipynb" % (i, topic))))
    print("repo/        %4d notebooks, %.1f-%.1f KB each, %.1f MB in all"
          % (len(sizes), min(sizes) / 1e3, max(sizes) / 1e3, sum(sizes) / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
