#!/usr/bin/env bash
# Side-by-side benchmarks of `quire diff` and `quire merge` against nbdime 4.0.4's nbdiff and
# nbmerge, on the large generated notebook (500 cells, ~20 MB) with 10 cells edited on each side.
#
#   make bench            (runs bench/run.sh, then this script)
#   bench/diffmerge.sh    quire from PATH, nbdime from .venv (make bench-deps)
#
# Cases: (d) diff of large.ipynb against large_local.ipynb; (e) three-way merge of large.ipynb,
# large_local.ipynb and large_remote.ipynb (no conflicts). CPU time (user+sys) and peak memory
# are reported; targets: >= 20x less CPU than nbdime for both, quire's peak memory < 3x the
# notebook's size.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
QUIRE=$(command -v quire) || die "no quire on PATH (run 'make install')"
for tool in nbdiff nbmerge; do
    [[ -x $VENV/bin/$tool ]] || die "$VENV/bin/$tool missing (run 'make bench-deps')"
done
command -v hyperfine >/dev/null || die "hyperfine missing (run 'make bench-deps')"

cd "$OUT"
[[ -f large.ipynb ]] || "$PY" "$ROOT/bench/generate.py" --out "$OUT" --repo-notebooks 0
"$PY" "$ROOT/bench/generate_edits.py" "$OUT"

# Check once that both tools do the job before timing them.
"$QUIRE" merge large.ipynb large_local.ipynb large_remote.ipynb -o quire-merged.ipynb \
    || die "quire merge reported conflicts or failed"
"$VENV/bin/nbmerge" large.ipynb large_local.ipynb large_remote.ipynb --out nbdime-merged.ipynb \
    || die "nbmerge reported conflicts or failed"
"$PY" - <<'PY'
import nbformat
merged = nbformat.read("quire-merged.ipynb", as_version=4)
local = nbformat.read("large_local.ipynb", as_version=4)
remote = nbformat.read("large_remote.ipynb", as_version=4)
nbformat.validate(merged)
base = {c.id: c.source for c in nbformat.read("large.ipynb", as_version=4).cells}
sources = {c.id: c.source for c in merged.cells}
edits = 0
for side in (local, remote):
    for cell in side.cells:
        if base.get(cell.id) != cell.source:
            edits += 1
            assert sources.get(cell.id) == cell.source, "an edit is missing from quire's merge"
assert edits == 21 and len(merged.cells) == len(remote.cells), "the edits or the inserted cell are missing"
print("check: quire's merge holds all 20 edits and the inserted cell, and validates")
PY
set +e
"$QUIRE" diff large.ipynb large_local.ipynb > /dev/null; [[ $? == 1 ]] || die "quire diff did not report the difference"
set -e

hyperfine --warmup 1 --min-runs 10 --max-runs 40 --export-json d-diff.json \
    -n quire "quire diff --color never large.ipynb large_local.ipynb > /dev/null || true" \
    -n nbdiff "$VENV/bin/nbdiff --no-color large.ipynb large_local.ipynb > /dev/null || true"
hyperfine --warmup 1 --min-runs 3 --max-runs 10 --export-json e-merge.json \
    -n quire "quire merge large.ipynb large_local.ipynb large_remote.ipynb -o quire-merged.ipynb" \
    -n nbmerge "$VENV/bin/nbmerge large.ipynb large_local.ipynb large_remote.ipynb --out nbdime-merged.ipynb"

# Peak memory (maximum resident set), one run each.
peak() { /usr/bin/time -f %M -o "$OUT/.peak" "$@" > /dev/null 2>&1 || true; tail -1 "$OUT/.peak"; }
{
    echo "quire-diff $(peak "$QUIRE" diff --color never large.ipynb large_local.ipynb)"
    echo "nbdiff $(peak "$VENV/bin/nbdiff" --no-color large.ipynb large_local.ipynb)"
    echo "quire-merge $(peak "$QUIRE" merge large.ipynb large_local.ipynb large_remote.ipynb -o quire-merged.ipynb)"
    echo "nbmerge $(peak "$VENV/bin/nbmerge" large.ipynb large_local.ipynb large_remote.ipynb --out nbdime-merged.ipynb)"
    echo "notebook-bytes $(stat -c %s large.ipynb)"
} > peak-memory.txt

"$PY" "$ROOT/bench/report_diffmerge.py" "$OUT"
