#!/usr/bin/env bash
# Side-by-side benchmark of `quire sync` against `jupytext --sync` (1.19.6) on a pair whose script
# was edited, for the small and the large generated notebooks (CPU time; target: >= 30x less).
# Before every run the pair is put back: the notebook as paired, the script with one edited line
# (and newer, which is how jupytext picks its side), and for quire the record of the last sync.
#
#   make bench            (runs every bench script)
#   bench/sync.sh         quire from PATH, jupytext from .venv (make bench-deps)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out
VENV=${VENV:-$ROOT/.venv}
PY=$VENV/bin/python

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
command -v quire >/dev/null || die "no quire on PATH (run 'make install')"
[[ -x $VENV/bin/jupytext ]] || die "$VENV/bin/jupytext missing (run 'make bench-deps')"
command -v hyperfine >/dev/null || die "hyperfine missing (run 'make bench-deps')"

mkdir -p "$OUT"
cd "$OUT"
[[ -f large.ipynb && -f small.ipynb ]] || "$PY" "$ROOT/bench/generate.py" --out "$OUT" --repo-notebooks 0

# Outside any git work tree, so quire keeps its record beside the pair.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for nb in small large; do
    for tool in quire jupytext; do
        dir=$WORK/$tool-$nb
        mkdir -p "$dir/seed"
        "$VENV/bin/jupytext" --quiet --set-formats ipynb,py:percent -o "$dir/seed/pair.ipynb" "$nb.ipynb"
        ( cd "$dir/seed" && quire sync -q pair.ipynb )        # writes pair.py and quire's record
        printf '\n# %%%%\nedited = True\n' >> "$dir/seed/pair.py"
    done
done
prepare() {  # restore the seeded pair into $1; the edited script is the newest file
    echo "rm -rf $1/run && cp -a $1/seed $1/run && sleep 0.01 && touch $1/run/pair.py"
}

# Check once that both tools bring the edit into the notebook the same way.
for nb in small large; do
    eval "$(prepare "$WORK/quire-$nb")"; eval "$(prepare "$WORK/jupytext-$nb")"
    ( cd "$WORK/quire-$nb/run" && quire sync -q pair.py )
    ( cd "$WORK/jupytext-$nb/run" && "$VENV/bin/jupytext" --quiet --sync pair.py )
    "$PY" - "$WORK/quire-$nb/run/pair.ipynb" "$WORK/jupytext-$nb/run/pair.ipynb" <<'PY' || die "the synced $nb notebooks differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda nb: [(c["cell_type"], "".join(c["source"]), json.dumps(c.get("outputs"))) for c in nb["cells"]]
assert strip(a) == strip(b), "cells differ"
assert "edited = True" in "".join("".join(c["source"]) for c in a["cells"])
PY
done
echo "check: quire and jupytext give the same cells and outputs after the script edit"

for nb in small large; do
    hyperfine --warmup 1 --min-runs 5 --max-runs 30 --export-json "g-sync-$nb.json" \
        -n quire --prepare "$(prepare "$WORK/quire-$nb")" "cd $WORK/quire-$nb/run && quire sync -q pair.py" \
        -n jupytext --prepare "$(prepare "$WORK/jupytext-$nb")" "cd $WORK/jupytext-$nb/run && $VENV/bin/jupytext --quiet --sync pair.py"
done

"$PY" "$ROOT/bench/ratio_table.py" "$OUT" g-sync jupytext "pair (script edited)" 30
