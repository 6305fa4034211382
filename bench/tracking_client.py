#!/usr/bin/env python3
"""Workload for bench/tracking.sh: the official `mlflow` client against one tracking server.

    tracking_client.py --uri http://127.0.0.1:PORT --sid SID [--singles 1000] [--points 10000]
                       [--runs 1000] [--searches 20] --out result.json

SID is the session id of the server (tracking.sh starts each server with setsid); the server's CPU
time is the sum of utime+stime over every live process of that session, read from /proc before
and after each phase, so a server that forks workers (mlflow: uvicorn + its worker) is counted
whole. Memory is the sum of VmRSS over the same processes. Wall times are measured in-process
(time.perf_counter around the client calls), so the client's ~1-4 s import cost is not counted.
"""
import argparse
import http.client
import json
import os
import random
import statistics
import time

CLK = os.sysconf("SC_CLK_TCK")


def session_pids(sid):
    pids = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # after "pid (comm)": state ppid pgrp session ... ; utime/stime are fields 14/15 (1-based)
        if int(fields[3]) == sid:
            pids.append(int(d))
    return pids


def session_cpu(sid):
    total = 0
    for pid in session_pids(sid):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / CLK


def session_rss_mb(sid):
    total = 0
    for pid in session_pids(sid):
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri")
    ap.add_argument("--probe", action="store_true", help="print the session's CPU s and RSS MB")
    ap.add_argument("--sid", type=int, required=True)
    ap.add_argument("--singles", type=int, default=1000)
    ap.add_argument("--points", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--searches", type=int, default=20)
    ap.add_argument("--settle", type=float, default=5.0)
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.probe:
        print(f"{session_cpu(a.sid):.2f} {session_rss_mb(a.sid):.1f} {len(session_pids(a.sid))}")
        return

    os.environ["MLFLOW_TRACKING_URI"] = a.uri
    import mlflow
    from mlflow import MlflowClient
    from mlflow.entities import Metric, Param

    res = {"idle_rss_mb": session_rss_mb(a.sid), "server_pids": len(session_pids(a.sid))}
    client = MlflowClient()

    # 2. sequential log_metric calls in one run
    mlflow.set_experiment("bench-single")
    with mlflow.start_run() as run:
        lat, own = [], []
        cpu0, t0 = session_cpu(a.sid), time.perf_counter()
        for i in range(a.singles):
            s, c = time.perf_counter(), time.process_time()
            mlflow.log_metric("loss", 1.0 / (i + 1), step=i)
            lat.append(time.perf_counter() - s)
            own.append(time.process_time() - c)
        res["single_total_s"] = time.perf_counter() - t0
        # The client's own CPU per call: the same work whatever the server, so no server can
        # be faster through the client than mlflow's latency divided by this.
        res["single_client_cpu_ms"] = statistics.mean(own) * 1e3
        res["single_cpu_s"] = session_cpu(a.sid) - cpu0
        run_id = run.info.run_id
    res["single_median_ms"] = statistics.median(lat) * 1e3
    res["single_p90_ms"] = pct(lat, 0.9) * 1e3
    hist = client.get_metric_history(run_id, "loss")
    assert len(hist) == a.singles, f"history has {len(hist)} points, expected {a.singles}"

    # 3. points via log_batch, batches of 1000
    exp = client.create_experiment("bench-batch")
    run_id = client.create_run(exp).info.run_id
    ts = int(time.time() * 1000)
    pts = [Metric("x", float(i), ts + i, i) for i in range(a.points)]
    cpu0, t0 = session_cpu(a.sid), time.perf_counter()
    for b in range(0, a.points, 1000):
        client.log_batch(run_id, metrics=pts[b:b + 1000], synchronous=True)
    res["batch_total_s"] = time.perf_counter() - t0
    res["batch_cpu_s"] = session_cpu(a.sid) - cpu0
    assert len(client.get_metric_history(run_id, "x")) == a.points

    # 4. search_runs with a metric filter over N runs (populated through the client, not timed)
    exp = client.create_experiment("bench-search")
    rnd = random.Random(42)
    t0 = time.perf_counter()
    for i in range(a.runs):
        rid = client.create_run(exp).info.run_id
        client.log_batch(rid, metrics=[Metric("acc", rnd.random(), ts, 0)],
                         params=[Param("seed", str(i))], synchronous=True)
    res["populate_s"] = time.perf_counter() - t0
    lat, own = [], []
    hits = 0
    cpu0 = session_cpu(a.sid)
    for _ in range(a.searches):
        s, c = time.perf_counter(), time.process_time()
        runs = client.search_runs([exp], filter_string="metrics.acc > 0.5",
                                  order_by=["metrics.acc DESC"], max_results=1000)
        lat.append(time.perf_counter() - s)
        own.append(time.process_time() - c)
        hits = len(runs)
    res["search_client_cpu_ms"] = statistics.median(own) * 1e3
    res["search_cpu_s"] = session_cpu(a.sid) - cpu0
    res["search_median_ms"] = statistics.median(lat) * 1e3
    res["search_hits"] = hits
    accs = [r.data.metrics["acc"] for r in runs]
    assert accs == sorted(accs, reverse=True) and all(x > 0.5 for x in accs)

    # The same search as raw HTTP on one keep-alive connection (http.client, no response parsing):
    # what the server itself takes, without the client's ~0.5 ms per run of JSON->entity work.
    host, port = a.uri.split("//", 1)[1].rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port))
    body = json.dumps({"experiment_ids": [exp], "filter": "metrics.acc > 0.5",
                       "order_by": ["metrics.acc DESC"], "max_results": 1000,
                       "run_view_type": "ACTIVE_ONLY"}).encode()
    lat = []
    for _ in range(a.searches):
        s = time.perf_counter()
        conn.request("POST", "/api/2.0/mlflow/runs/search", body=body,
                     headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        n = len(r.read())
        lat.append(time.perf_counter() - s)
        assert r.status == 200
    res["search_raw_median_ms"] = statistics.median(lat) * 1e3
    res["search_raw_bytes"] = n
    # and log-metric as raw HTTP (200 calls): the request the client sends, one write per request
    lat = []
    for i in range(200):
        body = json.dumps({"run_id": rid, "key": "raw", "value": 0.5, "timestamp": ts, "step": i}).encode()
        s = time.perf_counter()
        conn.request("POST", "/api/2.0/mlflow/runs/log-metric", body=body,
                     headers={"Content-Type": "application/json"})
        r = conn.getresponse()
        r.read()
        lat.append(time.perf_counter() - s)
        assert r.status == 200
    res["single_raw_median_ms"] = statistics.median(lat) * 1e3
    conn.close()

    # 5. memory after the workload, settled
    time.sleep(a.settle)
    res["after_rss_mb"] = session_rss_mb(a.sid)
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
