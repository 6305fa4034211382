#!/usr/bin/env python3
"""Seeds the web UI benchmark's data into an MLflow-compatible server over raw REST (http.client on
one keep-alive connection, no mlflow import), for bench/ui.sh:

    ui_seed.py --uri http://127.0.0.1:PORT --runs 10000 --out seed.json

1 experiment "ui-bench" of RUNS runs, each with 20 params p0..p19, 10 metrics m0..m9 (one value each)
and the tags a run logged from a notebook has (user, source notebook, git commit), then one more
run "long" with a metric "loss" of 100,000 points (100 log-batch calls of 1,000). The data comes
from run_data(i), which bench/ui_mlflow.py reuses so that mlflow gets the same runs.
Writes {experiment_id, run_ids (first 5), long_run_id, seed_s, runs_per_s, long_s} to --out.
"""
import argparse
import http.client
import json
import math
import random
import time
import urllib.parse

PARAMS, METRICS = 20, 10
START_MS = 1_790_000_000_000


def run_data(i):
    """(run name, params, metrics, tags) of run i, the same on every call."""
    rng = random.Random(i)
    params = {f"p{j}": rng.choice(["x", "y", "z"]) if j == 2 else f"{rng.random():.4f}" for j in range(PARAMS)}
    metrics = {f"m{j}": rng.random() for j in range(METRICS)}
    tags = {
        "mlflow.user": ["alice", "bob", "carol"][i % 3],
        "mlflow.source.name": f"notebooks/train_{i % 7}.ipynb",
        "mlflow.source.git.commit": f"{rng.getrandbits(160):040x}",
    }
    return f"run-{i:05d}", params, metrics, tags


def long_history(points):
    """A noisy decaying loss with a spike every 10,000 steps (what downsampling must keep)."""
    rng = random.Random(7)
    for step in range(points):
        value = 2.0 * math.exp(-step / 20_000) + 0.05 * rng.random()
        if step % 10_000 == 5_000:
            value += 1.5
        yield step, value


class Client:
    def __init__(self, uri):
        parts = urllib.parse.urlparse(uri)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)

    def post(self, path, body):
        self.conn.request("POST", "/api/2.0/mlflow/" + path, json.dumps(body), {"Content-Type": "application/json"})
        response = self.conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}: {data[:300]!r}")
        return json.loads(data) if data else {}


def create_run(client, experiment_id, i):
    name, params, metrics, tags = run_data(i)
    start = START_MS + i * 1000
    run_id = client.post("runs/create", {"experiment_id": experiment_id, "run_name": name, "start_time": start,
                                         "tags": [{"key": k, "value": v} for k, v in tags.items()]})["run"]["info"]["run_id"]
    client.post("runs/log-batch", {
        "run_id": run_id,
        "params": [{"key": k, "value": v} for k, v in params.items()],
        "metrics": [{"key": k, "value": v, "timestamp": start + 500, "step": 0} for k, v in metrics.items()],
    })
    client.post("runs/update", {"run_id": run_id, "status": "FAILED" if i % 50 == 7 else "FINISHED",
                                "end_time": start + 900})
    return run_id


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", required=True)
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    client = Client(args.uri)
    experiment_id = client.post("experiments/create", {"name": "ui-bench"})["experiment_id"]
    t0 = time.perf_counter()
    run_ids = [create_run(client, experiment_id, i) for i in range(args.runs)]
    seed_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    long_id = client.post("runs/create", {"experiment_id": experiment_id, "run_name": "long",
                                          "start_time": START_MS})["run"]["info"]["run_id"]
    batch = []
    for step, value in long_history(args.points):
        batch.append({"key": "loss", "value": value, "timestamp": START_MS + step, "step": step})
        if len(batch) == 1000:
            client.post("runs/log-batch", {"run_id": long_id, "metrics": batch})
            batch = []
    if batch:
        client.post("runs/log-batch", {"run_id": long_id, "metrics": batch})
    long_s = time.perf_counter() - t0
    result = {"experiment_id": experiment_id, "run_ids": run_ids[:5], "long_run_id": long_id, "seed_s": seed_s,
              "runs_per_s": args.runs / seed_s, "long_s": long_s, "runs": args.runs, "points": args.points}
    json.dump(result, open(args.out, "w"))
    print(f"seeded {args.runs} runs in {seed_s:.1f} s ({args.runs / seed_s:.0f} runs/s); "
          f"{args.points} points in {long_s:.2f} s")


if __name__ == "__main__":
    main()
