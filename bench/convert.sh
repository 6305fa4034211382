#!/usr/bin/env bash
# Side-by-side benchmark of `quire convert --to py:percent` against jupytext 1.19.6 on the small
# and the large generated notebooks (CPU time; target: >= 30x less CPU than jupytext).
#
#   make bench            (runs bench/run.sh, bench/diffmerge.sh, then this script)
#   bench/convert.sh      quire from PATH, jupytext from .venv (make bench-deps)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
command -v quire >/dev/null || die "no quire on PATH (run 'make install')"
[[ -x $VENV/bin/jupytext ]] || die "$VENV/bin/jupytext missing (run 'make bench-deps')"
command -v hyperfine >/dev/null || die "hyperfine missing (run 'make bench-deps')"

cd "$OUT"
[[ -f large.ipynb && -f small.ipynb ]] || "$PY" "$ROOT/bench/generate.py" --out "$OUT" --repo-notebooks 0

# Check once that both tools write the same script, apart from jupytext's version line.
for nb in small large; do
    quire convert "$nb.ipynb" --to py:percent -o "quire-$nb.py"
    "$VENV/bin/jupytext" --quiet --to py:percent -o "jupytext-$nb.py" "$nb.ipynb"
    grep -v '^#       jupytext_version:' "jupytext-$nb.py" | cmp -s - "quire-$nb.py" \
        || die "quire's $nb.py differs from jupytext's"
done
echo "check: quire and jupytext write the same scripts (jupytext_version line aside)"

for nb in small large; do
    hyperfine --warmup 2 --min-runs 5 --max-runs 50 --export-json "f-convert-$nb.json" \
        -n quire "quire convert $nb.ipynb --to py:percent -o quire-$nb.py" \
        -n jupytext "$VENV/bin/jupytext --quiet --to py:percent -o jupytext-$nb.py $nb.ipynb"
done

"$PY" "$ROOT/bench/ratio_table.py" "$OUT" f-convert jupytext "notebook" 30
