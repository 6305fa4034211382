#!/usr/bin/env python3
"""Times GETs of quire's web UI pages, for bench/ui.sh:

    ui_pages.py --uri http://127.0.0.1:PORT --seed seed.json --log serve.log [--requests 20] --out pages.json

Each case: 2 warm-up requests, then REQUESTS timed ones on one keep-alive connection (http.client;
wall time from sending the request to the last byte of the body), and the server's own time for the
same requests from its request log (`duration_ms=` of the lines the case added). Also times the
MLflow REST `runs/search` the MLflow UI's table is built from (max_results 100, ordered by m1 DESC).
"""
import argparse
import http.client
import json
import re
import statistics
import time
import urllib.parse

FILTER = "metrics.m1 > 0.5 OR params.p2 = 'x'"
DURATION = re.compile(r"^method=GET .*status=(\d+) duration_ms=([0-9.]+)")


def cases(seed):
    experiment, runs, long_run = seed["experiment_id"], seed["run_ids"], seed["long_run_id"]
    runs_page = f"/experiments/{experiment}"
    points = f"{seed['points']:,}"
    quote = urllib.parse.quote
    return [
        ("runs page, default (first 100 runs)", runs_page, "runs"),
        ("runs page, sorted by metrics.m1 DESC", f"{runs_page}?order=metrics.m1&dir=desc", "runs"),
        ("runs page, filter `metrics.m1 > 0.5 OR params.p2 = 'x'`",
         f"{runs_page}?filter={quote(FILTER)}", "runs"),
        ("runs page, page 50", f"{runs_page}?page=50", "runs"),
        ("run page (20 params, 10 metrics)", f"/runs/{runs[0]}", None),
        (f"run page of the {points}-point run", f"/runs/{long_run}", None),
        ("compare page, 5 runs", f"/compare?runs={','.join(runs[:5])}", None),
        (f"chart SVG, {points} points", f"/runs/{long_run}/charts/loss.svg", "chart"),
    ]


def server_times(log, offset):
    with open(log) as f:
        f.seek(offset)
        lines = f.read().splitlines()
    return [float(m.group(2)) for m in map(DURATION.match, lines) if m]


def log_size(log):
    with open(log) as f:
        return f.seek(0, 2)


def time_get(conn, path, requests):
    walls, size, status = [], 0, None
    for i in range(requests + 2):
        t0 = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if i >= 2:
            walls.append((time.perf_counter() - t0) * 1e3)
        size, status = len(body), response.status
    return walls, size, status


def time_search(conn, experiment, requests):
    body = json.dumps({"experiment_ids": [experiment], "max_results": 100, "order_by": ["metrics.m1 DESC"]})
    walls = []
    for i in range(requests + 2):
        t0 = time.perf_counter()
        conn.request("POST", "/api/2.0/mlflow/runs/search", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()
        if i >= 2:
            walls.append((time.perf_counter() - t0) * 1e3)
        assert response.status == 200, data[:300]
    return walls


def summary(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)} if values else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    seed = json.load(open(args.seed))
    parts = urllib.parse.urlparse(args.uri)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    results = []
    for name, path, kind in cases(seed):
        offset = log_size(args.log)
        walls, size, status = time_get(conn, path, args.requests)
        time.sleep(0.2)  # the log line is written after the response
        server = server_times(args.log, offset)[2:]
        results.append({"name": name, "path": path, "kind": kind, "status": status, "bytes": size,
                        "wall_ms": summary(walls), "server_ms": summary(server), "requests": len(walls)})
        print(f"{name}: HTTP {status}, {size / 1024:.1f} KB, median {statistics.median(walls):.1f} ms", flush=True)
    search = time_search(conn, seed["experiment_id"], args.requests)
    results.append({"name": "REST runs/search, 100 runs ordered by m1 DESC", "kind": "search", "status": 200,
                    "wall_ms": summary(search), "server_ms": None, "requests": len(search), "bytes": None})
    json.dump(results, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
