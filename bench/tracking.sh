#!/usr/bin/env bash
# Side-by-side benchmark of `quire serve` against the real `mlflow server` (mlflow==3.17.2 from
# PyPI, SQLite backend), both driven by the same script with the official mlflow client
# (bench/tracking_client.py):
#   1. start-up to the first successful GET /health (wall time and the server's CPU time),
#   2. N sequential mlflow.log_metric calls in one run (median, p90, total, server CPU),
#   3. 10,000 points via MlflowClient().log_batch in batches of 1,000,
#   4. search_runs("metrics.acc > 0.5", order_by metrics.acc DESC) over 1,000 runs (median of 20),
#   5. resident memory (sum of VmRSS over the server's processes) after start-up and after the
#      workload.
# For log-metric and the search, the same request is also timed as raw HTTP (http.client on one
# keep-alive connection), which separates the server's time from the client's own.
# Each server runs in its own session (setsid) so CPU and memory cover every process it forks,
# and the whole session is stopped at the end (also on error or ^C).
#
#   make bench            (runs every bench script)
#   bench/tracking.sh     quire from PATH, mlflow from .venv-mlflow-server (make bench-deps)
#
# Knobs (environment): QUIRE_STARTS (5), MLFLOW_STARTS (2; each takes 25-80 s), MLFLOW_WORKERS (1:
# `--workers 1` and no job runner, mlflow's lightest configuration; set 4 for its default, which
# also starts a job runner with 7 huey consumers), SINGLES (1000), POINTS (10000), RUNS (1000),
# SEARCHES (20); SERVERS ("quire mlflow"; the table needs both).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MLVENV=${MLVENV:-$ROOT/.venv-mlflow-server}
PY=$MLVENV/bin/python
DRIVER=$ROOT/bench/tracking_client.py
QUIRE_STARTS=${QUIRE_STARTS:-5}
MLFLOW_STARTS=${MLFLOW_STARTS:-2}
MLFLOW_WORKERS=${MLFLOW_WORKERS:-1}
SINGLES=${SINGLES:-1000}
POINTS=${POINTS:-10000}
RUNS=${RUNS:-1000}
SEARCHES=${SEARCHES:-20}

die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
command -v quire >/dev/null || die "no quire on PATH (run 'make install')"
[[ -x $MLVENV/bin/mlflow ]] || die "$MLVENV/bin/mlflow missing (run 'make bench-deps')"
command -v curl >/dev/null || die "curl missing"

source "$(dirname "$0")/server_session.sh"
now_ns() { date +%s%N; }

# start NAME PORT: starts the server in a new session; sets SID, STARTUP_S (wall to the first
# /health 200) and STARTUP_CPU (server CPU seconds at that moment).
start() {
    local name=$1 port=$2 t0
    mkdir -p "$WORK/$name"
    t0=$(now_ns)
    case $name in
    quire)
        setsid quire serve --quiet --store "sqlite:///$WORK/quire/runs.db" \
            --artifacts "$WORK/quire/art" --host 127.0.0.1 --port "$port" \
            >>"$WORK/quire.log" 2>&1 </dev/null &
        ;;
    mlflow)
        local extra=()
        [[ $MLFLOW_WORKERS == 1 ]] && extra=(--workers 1)
        (cd "$WORK/mlflow" && MLFLOW_SERVER_ENABLE_JOB_EXECUTION=$([[ $MLFLOW_WORKERS == 1 ]] && echo false || echo true) \
            exec setsid "$MLVENV/bin/mlflow" server \
            --backend-store-uri "sqlite:///$WORK/mlflow/mlflow.db" \
            --serve-artifacts --artifacts-destination "$WORK/mlflow/art" \
            --host 127.0.0.1 --port "$port" "${extra[@]}" \
            >>"$WORK/mlflow.log" 2>&1 </dev/null) &
        ;;
    esac
    SID=$!   # setsid in a non-interactive shell's background job execs in place: pid == sid
    SIDS+=("$SID")
    until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
        kill -0 "$SID" 2>/dev/null || { tail -20 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
        (( $(now_ns) - t0 < 300000000000 )) || die "$name not healthy after 300 s"
        sleep 0.01
    done
    STARTUP_S=$(awk -v a="$t0" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    STARTUP_CPU=$("$PY" "$DRIVER" --probe --sid "$SID" | cut -d' ' -f1)
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minmax() { tr ' ' '\n' | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }'; }

declare -A START START_CPU
for name in ${SERVERS:-quire mlflow}; do
    reps=$QUIRE_STARTS; [[ $name == mlflow ]] && reps=$MLFLOW_STARTS
    walls="" cpus=""
    for i in $(seq "$reps"); do
        port=$(free_port)
        start "$name" "$port"   # the first start creates the database (migrations), later ones reopen it
        printf 'bench: %s start %d/%d: %s s to /health (%s s CPU)\n' "$name" "$i" "$reps" "$STARTUP_S" "$STARTUP_CPU" >&2
        walls+=" $STARTUP_S" cpus+=" $STARTUP_CPU"
        if (( i < reps )); then stop_session "$SID"; fi
    done
    START[$name]="$(echo "$walls" | median) ($(echo "$walls" | minmax))"
    START_CPU[$name]=$(echo "$cpus" | median)
    sleep 3   # let the fresh server settle before the idle-memory reading
    printf 'bench: %s workload on port %s...\n' "$name" "$port" >&2
    "$PY" "$DRIVER" --uri "http://127.0.0.1:$port" --sid "$SID" --singles "$SINGLES" --points "$POINTS" \
        --runs "$RUNS" --searches "$SEARCHES" --out "$WORK/$name.json" >&2
    stop_session "$SID"
done

[[ -f $WORK/quire.json && -f $WORK/mlflow.json ]] || { cat "$WORK"/*.json; exit 0; }

# The table: figures, ratios (mlflow / quire) and the targets of issue 5.
"$PY" - "$WORK/quire.json" "$WORK/mlflow.json" "${START[quire]}" "${START[mlflow]}" \
    "${START_CPU[quire]}" "${START_CPU[mlflow]}" "$SINGLES" "$POINTS" "$RUNS" "$SEARCHES" "$MLFLOW_WORKERS" <<'EOF'
import json, sys
q, m = (json.load(open(p)) for p in sys.argv[1:3])
sq, sm, cq, cm = sys.argv[3:7]
singles, points, runs, searches, workers = sys.argv[7:12]
def f(x, d=1):
    return f"{x:,.{d}f}"
def ratio(a, b):
    return (f"{a / b:,.1f}×" if a / b < 10 else f"{a / b:,.0f}×") if b > 0 else "∞"
wq, wm = float(sq.split()[0]), float(sm.split()[0])
rows = [
    ("Start-up to first `/health` (s, median (min–max))", sq, sm, ratio(wm, wq), "< 1 s", wq < 1),
    ("Start-up CPU (s, median)", cq, cm, ratio(float(cm), float(cq)) if float(cq) else "—", "", None),
    (f"{singles} × `log_metric` through the client: median per call (ms)", f(q["single_median_ms"], 2), f(m["single_median_ms"], 2),
     ratio(m["single_median_ms"], q["single_median_ms"]), "", None),
    ("  the client's own CPU per call (ms; same work for both)", f(q["single_client_cpu_ms"], 2), f(m["single_client_cpu_ms"], 2),
     f"≤ {ratio(m['single_median_ms'], q['single_client_cpu_ms'])} possible", "", None),
    ("  the server's answer: same request as raw HTTP (`http.client`, keep-alive), median of 200 (ms)", f(q["single_raw_median_ms"], 2), f(m["single_raw_median_ms"], 2),
     ratio(m["single_raw_median_ms"], q["single_raw_median_ms"]), "≥ 30×", m["single_raw_median_ms"] / q["single_raw_median_ms"] >= 30),
    ("  p90 per call (ms)", f(q["single_p90_ms"], 2), f(m["single_p90_ms"], 2), ratio(m["single_p90_ms"], q["single_p90_ms"]), "", None),
    ("  total (s)", f(q["single_total_s"], 2), f(m["single_total_s"], 2), ratio(m["single_total_s"], q["single_total_s"]), "", None),
    ("  server CPU (s)", f(q["single_cpu_s"], 2), f(m["single_cpu_s"], 2), ratio(m["single_cpu_s"], q["single_cpu_s"]) if q["single_cpu_s"] else "—", "", None),
    (f"{int(points):,} points via `log_batch` (1,000/batch): total (s)", f(q["batch_total_s"], 3), f(m["batch_total_s"], 3),
     ratio(m["batch_total_s"], q["batch_total_s"]), "", None),
    ("  server CPU (s)", f(q["batch_cpu_s"], 2), f(m["batch_cpu_s"], 2), ratio(m["batch_cpu_s"], q["batch_cpu_s"]) if q["batch_cpu_s"] else "—", "", None),
    (f"`search_runs` `metrics.acc > 0.5` over {runs} runs through the client, median of {searches} (ms)", f(q["search_median_ms"], 1), f(m["search_median_ms"], 1),
     ratio(m["search_median_ms"], q["search_median_ms"]), "", None),
    ("  the client's own CPU per search (ms; same work for both)", f(q["search_client_cpu_ms"], 1), f(m["search_client_cpu_ms"], 1),
     f"≤ {ratio(m['search_median_ms'], q['search_client_cpu_ms'])} possible", "", None),
    ("  the server's answer: same search as raw HTTP (`http.client`, no parsing), median (ms)", f(q["search_raw_median_ms"], 1), f(m["search_raw_median_ms"], 1),
     ratio(m["search_raw_median_ms"], q["search_raw_median_ms"]), "≥ 30×", m["search_raw_median_ms"] / q["search_raw_median_ms"] >= 30),
    (f"  hits; server CPU for all {searches} (s)", f"{q['search_hits']}; {q['search_cpu_s']:.2f}", f"{m['search_hits']}; {m['search_cpu_s']:.2f}", "", "", None),
    (f"  populating {runs} runs through the client (s, not a target)", f(q["populate_s"], 1), f(m["populate_s"], 1), ratio(m["populate_s"], q["populate_s"]), "", None),
    ("Idle RSS after start-up (MB, all server processes)", f(q["idle_rss_mb"]), f(m["idle_rss_mb"]), ratio(m["idle_rss_mb"], q["idle_rss_mb"]), "< 100 MB", q["idle_rss_mb"] < 100),
    ("RSS after the workload, settled 5 s (MB)", f(q["after_rss_mb"]), f(m["after_rss_mb"]), ratio(m["after_rss_mb"], q["after_rss_mb"]), "< 100 MB", q["after_rss_mb"] < 100),
    ("Server processes", str(q["server_pids"]), str(m["server_pids"]), "", "", None),
]
print(f"mlflow server: --workers {workers}" + (", MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false" if workers == "1" else " (default)"))
print()
print("| Measurement | quire serve | mlflow server 3.17.2 | mlflow / quire | Target | Result |")
print("|---|---:|---:|---:|---|---|")
for name, a, b, r, t, ok in rows:
    print(f"| {name} | {a} | {b} | {r} | {t} | {'' if ok is None else ('PASS' if ok else 'MISS')} |")
EOF
