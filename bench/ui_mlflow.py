#!/usr/bin/env python3
"""The MLflow side of bench/ui.sh, run with the full mlflow (.venv-mlflow-server):

    ui_mlflow.py seed --db PATH --runs 10000 --budget-s 600 --out seed.json
    ui_mlflow.py search --uri http://127.0.0.1:PORT --seed seed.json [--requests 20] --out search.json

seed: the same runs as bench/ui_seed.py (run_data), written in-process by MlflowClient into a
sqlite:/// store (MLflow's own schema; its REST API would manage ~3 runs/s). The first 200 runs
are timed; when the rest would not fit in --budget-s, fewer runs are seeded (a multiple of 100)
and the output says how many.
search: what the MLflow UI's runs table loads from the server, `POST ajax-api/2.0/mlflow/runs/search`
with max_results 100 (as the UI asks), both in its default order (start_time DESC) and ordered by
metrics.m1 DESC, timed as raw HTTP on one keep-alive connection.
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ui_seed import START_MS, run_data  # noqa: E402

FIRST = 200


def seed(args):
    from mlflow import MlflowClient
    from mlflow.entities import Metric, Param, RunStatus

    client = MlflowClient(tracking_uri=f"sqlite:///{args.db}")
    experiment_id = client.create_experiment("ui-bench")

    def one(i):
        name, params, metrics, tags = run_data(i)
        start = START_MS + i * 1000
        run = client.create_run(experiment_id, start_time=start, tags=tags, run_name=name)
        run_id = run.info.run_id
        client.log_batch(run_id, metrics=[Metric(k, v, start + 500, 0) for k, v in metrics.items()],
                         params=[Param(k, v) for k, v in params.items()])
        client.set_terminated(run_id, RunStatus.to_string(RunStatus.FAILED if i % 50 == 7 else RunStatus.FINISHED),
                              end_time=start + 900)

    t0 = time.perf_counter()
    for i in range(min(FIRST, args.runs)):
        one(i)
    first_s = time.perf_counter() - t0
    per_run = first_s / min(FIRST, args.runs)
    target = args.runs
    if per_run * args.runs > args.budget_s:
        target = max(FIRST, int(args.budget_s / per_run) // 100 * 100)
    for i in range(FIRST, target):
        one(i)
    total_s = time.perf_counter() - t0
    result = {"experiment_id": experiment_id, "seeded": target, "asked": args.runs, "first_s": first_s,
              "per_run_ms": per_run * 1e3, "projected_s": per_run * args.runs, "total_s": total_s}
    json.dump(result, open(args.out, "w"))
    print(f"mlflow: {FIRST} runs in {first_s:.1f} s ({per_run * 1e3:.0f} ms/run, {args.runs} would take "
          f"{per_run * args.runs:.0f} s); seeded {target} in {total_s:.0f} s", flush=True)


def search(args):
    experiment_id = json.load(open(args.seed))["experiment_id"]
    parts = urllib.parse.urlparse(args.uri)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
    results = {}
    for label, order in (("default", "attributes.start_time DESC"), ("metric", "metrics.m1 DESC")):
        body = json.dumps({"experiment_ids": [experiment_id], "filter": "", "run_view_type": "ACTIVE_ONLY",
                           "max_results": 100, "order_by": [order]})
        walls = []
        for i in range(args.requests + 2):
            t0 = time.perf_counter()
            conn.request("POST", "/ajax-api/2.0/mlflow/runs/search", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
            if i >= 2:
                walls.append((time.perf_counter() - t0) * 1e3)
            if response.status != 200:
                raise SystemExit(f"runs/search: HTTP {response.status}: {data[:300]!r}")
        count = len(json.loads(data).get("runs", []))
        results[label] = {"median": statistics.median(walls), "min": min(walls), "max": max(walls), "runs": count,
                          "bytes": len(data)}
        print(f"mlflow runs/search ({order}): median {statistics.median(walls):.1f} ms, {count} runs", flush=True)
    json.dump(results, open(args.out, "w"))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--db", required=True)
    s.add_argument("--runs", type=int, default=10_000)
    s.add_argument("--budget-s", type=float, default=600)
    s.add_argument("--out", required=True)
    q = sub.add_parser("search")
    q.add_argument("--uri", required=True)
    q.add_argument("--seed", required=True)
    q.add_argument("--requests", type=int, default=20)
    q.add_argument("--out", required=True)
    args = parser.parse_args()
    seed(args) if args.mode == "seed" else search(args)


if __name__ == "__main__":
    main()
