#!/usr/bin/env bash
# The web UI benchmark (issue 6): server-side time of quire's pages over a large experiment.
#   1. a fresh `quire serve` (quire from PATH, SQLite store) is seeded over raw REST with
#      1 experiment × RUNS runs × 20 params × 10 metrics (bench/ui_seed.py, timed), and one run
#      with a metric of POINTS points (100 log-batch calls of 1,000);
#   2. GETs of the runs page (default, sorted by a metric DESC, filtered with
#      `metrics.m1 > 0.5 OR params.p2 = 'x'`, page 50), a run page, the compare page of 5 runs and
#      the POINTS-point chart SVG, REQUESTS times each after 2 warm-ups on one keep-alive connection
#      (bench/ui_pages.py): median, min and max wall time, the server's own time from its request
#      log, and the size;
#   3. when the full mlflow is installed (.venv-mlflow-server, `make bench-deps`): the same runs
#      written by MlflowClient in-process into a sqlite:/// store (fewer when RUNS would take
#      longer than MLFLOW_BUDGET_S; the table says so), then `mlflow server` on that store and the
#      request the MLflow UI's runs table is built from, `ajax-api/2.0/mlflow/runs/search` with
#      max_results 100 ordered by the metric (the MLflow UI then renders it in the browser: not counted).
#
#   make bench            (runs every bench script)
#   bench/ui.sh           quire from PATH; python from .venv (the seeder and timer are stdlib only)
#
# Knobs (environment): RUNS (10000), POINTS (100000), REQUESTS (20), MLFLOW_BUDGET_S (600),
# SERVERS ("quire mlflow"), KEEP (a folder that keeps the JSON results; ui_report.py FOLDER prints them again).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=$ROOT/.venv/bin/python
[[ -x $PY ]] || PY=python3
KEEP=${KEEP:-}   # a folder to copy the JSON results into
MLVENV=${MLVENV:-$ROOT/.venv-mlflow-server}
RUNS=${RUNS:-10000}
POINTS=${POINTS:-100000}
REQUESTS=${REQUESTS:-20}
MLFLOW_BUDGET_S=${MLFLOW_BUDGET_S:-600}
SERVERS=${SERVERS:-quire mlflow}

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
command -v quire >/dev/null || die "no quire on PATH (run 'make install')"
command -v curl >/dev/null || die "curl missing"

source "$(dirname "$0")/server_session.sh"

wait_healthy() {  # wait_healthy NAME PORT: until GET /health answers 200 (300 s at most)
    local name=$1 port=$2 i
    for i in $(seq 30000); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/health" && return 0
        kill -0 "$SID" 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
        sleep 0.01
    done
    die "$name not healthy after 300 s"
}

# quire: seed over REST, then time the pages.
if [[ " $SERVERS " == *" quire "* ]]; then
port=$(free_port)
mkdir -p "$WORK/quire"
setsid quire serve --store "sqlite:///$WORK/quire/runs.db" --artifacts "$WORK/quire/art" \
    --host 127.0.0.1 --port "$port" >>"$WORK/quire.log" 2>&1 </dev/null &
SID=$!   # setsid in a non-interactive shell's background job execs in place: pid == sid
SIDS+=("$SID")
wait_healthy quire "$port"
printf 'bench: seeding quire with %s runs and a %s-point metric...\n' "$RUNS" "$POINTS" >&2
"$PY" "$ROOT/bench/ui_seed.py" --uri "http://127.0.0.1:$port" --runs "$RUNS" --points "$POINTS" \
    --out "$WORK/seed.json" >&2
"$PY" "$ROOT/bench/ui_pages.py" --uri "http://127.0.0.1:$port" --seed "$WORK/seed.json" \
    --log "$WORK/quire.log" --requests "$REQUESTS" --out "$WORK/pages.json" >&2
stop_session "$SID"
fi

# mlflow: the same runs in its own schema, then the request behind its runs table.
if [[ " $SERVERS " == *" mlflow "* ]]; then
    if [[ -x $MLVENV/bin/mlflow ]]; then
        mkdir -p "$WORK/mlflow"
        printf 'bench: seeding mlflow (MlflowClient, sqlite:///, in-process)...\n' >&2
        "$MLVENV/bin/python" "$ROOT/bench/ui_mlflow.py" seed --db "$WORK/mlflow/mlflow.db" --runs "$RUNS" \
            --budget-s "$MLFLOW_BUDGET_S" --out "$WORK/mlflow-seed.json" >&2
        port=$(free_port)
        (cd "$WORK/mlflow" && MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false exec setsid "$MLVENV/bin/mlflow" server \
            --backend-store-uri "sqlite:///$WORK/mlflow/mlflow.db" --host 127.0.0.1 --port "$port" --workers 1 \
            >>"$WORK/mlflow.log" 2>&1 </dev/null) &
        SID=$!
        SIDS+=("$SID")
        wait_healthy mlflow "$port"
        "$MLVENV/bin/python" "$ROOT/bench/ui_mlflow.py" search --uri "http://127.0.0.1:$port" \
            --seed "$WORK/mlflow-seed.json" --requests "$REQUESTS" --out "$WORK/mlflow-search.json" >&2
        stop_session "$SID"
    else
        printf 'bench: %s/bin/mlflow missing (make bench-deps): no MLflow comparison\n' "$MLVENV" >&2
    fi
fi

[[ -z $KEEP ]] || { mkdir -p "$KEEP" && cp "$WORK"/*.json "$KEEP"/; }
"$PY" "$ROOT/bench/ui_report.py" "$WORK"
