#!/usr/bin/env bash
# quire run vs jupyter execute (nbclient) vs papermill, on the same kernel (see bench/kernel.py).
#   make test-deps && make install && bench/kernel.sh     RUNS=5 by default
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
[[ -x $VENV/bin/jupyter-execute && -x $VENV/bin/papermill ]] || { echo "bench: run 'make test-deps' first" >&2; exit 1; }
mkdir -p "$ROOT/bench/out"
"$VENV/bin/python" "$ROOT/bench/kernel.py" | tee "$ROOT/bench/out/kernel.md"
