#!/usr/bin/env python3
"""Prints bench/ui.sh's table from the JSON files its steps wrote into WORK:

    ui_report.py WORK

seed.json and pages.json (quire), mlflow-seed.json and mlflow-search.json (mlflow, optional).
Targets of issue 6: a runs page under 100 ms; the 100,000-point chart under 50 ms and 200 KB.
Times are judged on the median wall time seen by the client (the server's own time is lower).
"""
import json
import os
import sys

work = sys.argv[1]


def load(name):
    path = os.path.join(work, name)
    return json.load(open(path)) if os.path.exists(path) else None


seed, pages = load("seed.json"), load("pages.json")
mlflow_seed, mlflow_search = load("mlflow-seed.json"), load("mlflow-search.json")


def ms(summary):
    return "—" if not summary else f"{summary['median']:.1f} ({summary['min']:.1f}–{summary['max']:.1f})"


def verdict(ok):
    return "PASS" if ok else "MISS"


def quire_table():
    print(f"Seeding quire over REST: {seed['runs']:,} runs × 20 params × 10 metrics in {seed['seed_s']:.1f} s "
          f"({seed['runs_per_s']:,.0f} runs/s, 3 requests per run); {seed['points']:,} points in {seed['long_s']:.2f} s.")
    print()
    print("| Request (quire serve) | HTTP | wall ms, median (min–max) | server ms, median | KB | Target | Result |")
    print("|---|---:|---:|---:|---:|---|---|")
    for case in pages:
        wall, server = case["wall_ms"], case["server_ms"]
        size = "" if case["bytes"] is None else f"{case['bytes'] / 1024:,.1f}"
        target, result = "", ""
        ok_status = case["status"] == 200
        if case["kind"] == "runs":
            target, result = "< 100 ms", verdict(ok_status and wall["median"] < 100)
        elif case["kind"] == "chart":
            target = "< 50 ms, < 200 KB"
            result = verdict(ok_status and wall["median"] < 50 and case["bytes"] < 200 * 1024)
        server_text = f"{server['median']:.1f}" if server else "—"
        print(f"| {case['name']} | {case['status']} | {ms(wall)} | {server_text} | {size} | {target} | {result} |")


if seed and pages:
    quire_table()

if mlflow_seed and mlflow_search:
    n = mlflow_seed["seeded"]
    print()
    note = "" if n == mlflow_seed["asked"] else (
        f" (not {mlflow_seed['asked']:,}: at {mlflow_seed['per_run_ms']:.0f} ms/run that would take "
        f"{mlflow_seed['projected_s'] / 60:.0f} min)")
    print(f"MLflow 3.17.2: {n:,} runs written by MlflowClient into sqlite:/// in {mlflow_seed['total_s']:.0f} s"
          f"{note}; `mlflow server --workers 1` on that store.")
    print()
    quire_runs = f"{seed['runs']:,}" if seed else "—"
    print(f"| Request behind the runs table (100 runs) | quire, {quire_runs} runs | mlflow, {n:,} runs | mlflow / quire |")
    print("|---|---:|---:|---:|")
    quire_search = next((c for c in pages or [] if c["kind"] == "search"), {}).get("wall_ms")
    quire_page = next((c for c in pages or [] if c["kind"] == "runs" and "sorted" in c["name"]), {}).get("wall_ms")
    for label, quire in (("REST runs/search ordered by m1 DESC (ms)", quire_search),
                         ("quire's whole runs page sorted by m1 DESC vs mlflow's runs/search (ms)", quire_page)):
        m = mlflow_search["metric"]
        ratio = f"{m['median'] / quire['median']:.1f}×" if quire else "—"
        print(f"| {label} | {ms(quire)} | {ms(m)} | {ratio} |")
    d = mlflow_search["default"]
    print(f"| mlflow's default order (start_time DESC) (ms) | | {ms(d)} | |")
else:
    print()
    print("MLflow comparison: not run (SERVERS without mlflow, or no .venv-mlflow-server: `make bench-deps`).")
