"""The official MLflow client, unchanged, against `quire serve` (MLFLOW_TRACKING_URI is set by the
Swift test). Each mode asserts what comes back through the client and prints one JSON line of
findings; any failure raises, so the process exits non-zero with a traceback.

Modes: scenario | writers N POINTS | flood RUN_FILE ACK_FILE | verify RUN_FILE ACK_FILE | auth-denied
"""
import json
import os
import sys
import tempfile
import threading
import time

import matplotlib

matplotlib.use("Agg")  # no display in tests
import matplotlib.pyplot  # noqa: E402
import mlflow  # noqa: E402
from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def scenario():
    client = MlflowClient()
    experiment_id = mlflow.set_experiment("e2e").experiment_id
    check(mlflow.set_experiment("e2e").experiment_id == experiment_id, "set_experiment finds the existing experiment")
    files = tempfile.mkdtemp()
    write(f"{files}/hello.txt", "hello world\n")
    write(f"{files}/outdir/a.txt", "a\n")
    write(f"{files}/outdir/inner/b.txt", "b\n")

    with mlflow.start_run(run_name="parent") as parent:
        mlflow.log_param("lr", 0.01)
        mlflow.log_params({"opt": "sgd", "layers": 3})
        for step in range(5):
            mlflow.log_metric("acc", 0.5 + step / 10, step=step)
        mlflow.log_metrics({"loss": 0.25, "f1": float("nan")}, step=2)
        mlflow.set_tag("team", "ml")
        mlflow.set_tags({"stage": "dev", "owner": "quire"})
        now = int(time.time() * 1000)
        client.log_batch(parent.info.run_id, metrics=[Metric("batch", float(i), now, i) for i in range(1500)],
                         params=[Param("bp", "x")], tags=[RunTag("bt", "y")])
        mlflow.log_dict({"k": 1}, "cfg/config.json")
        mlflow.log_artifact(f"{files}/hello.txt")
        mlflow.log_artifacts(f"{files}/outdir", "outdir")
        figure = matplotlib.pyplot.figure()
        figure.gca().plot([0, 1, 2], [0.5, 0.7, 0.9])
        mlflow.log_figure(figure, "plots/acc.png")
        with mlflow.start_run(run_name="child", nested=True) as child:
            mlflow.log_metric("acc", 0.95)
            mlflow.log_param("opt", "adam")
    try:
        with mlflow.start_run(run_name="failing") as failing:
            raise ValueError("boom")
    except ValueError:
        pass

    parent_id, child_id = parent.info.run_id, child.info.run_id
    run = client.get_run(parent_id)
    check(run.info.status == "FINISHED", f"parent status {run.info.status}")
    check(run.info.artifact_uri == f"mlflow-artifacts:/{experiment_id}/{parent_id}/artifacts", run.info.artifact_uri)
    check(run.data.params == {"lr": "0.01", "opt": "sgd", "layers": "3", "bp": "x"}, run.data.params)
    check(run.data.metrics["acc"] == 0.9 and run.data.metrics["loss"] == 0.25, run.data.metrics)
    check(run.data.metrics["f1"] != run.data.metrics["f1"], "NaN comes back as NaN")
    check(run.data.metrics["batch"] == 1499.0, "log_batch split into chunks by the client")
    check(run.data.tags["team"] == "ml" and run.data.tags["bt"] == "y" and run.data.tags["owner"] == "quire", run.data.tags)
    child_run = client.get_run(child_id)
    check(child_run.data.tags.get("mlflow.parentRunId") == parent_id, "nested run points at its parent")
    check(client.get_run(failing.info.run_id).info.status == "FAILED", "an exception marks the run FAILED")

    history = client.get_metric_history(parent_id, "acc")
    check([(m.step, round(m.value, 6)) for m in history] == [(s, round(0.5 + s / 10, 6)) for s in range(5)],
          [(m.step, m.value) for m in history])
    check(len(client.get_metric_history(parent_id, "batch")) == 1500, "all batch points stored")

    root = sorted((f.path, f.is_dir) for f in client.list_artifacts(parent_id))
    check(root == [("cfg", True), ("hello.txt", False), ("outdir", True), ("plots", True)], root)
    png = mlflow.artifacts.download_artifacts(run_id=parent_id, artifact_path="plots/acc.png", dst_path=tempfile.mkdtemp())
    check(open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n", "log_figure stored a PNG")
    sub = sorted((f.path, f.is_dir) for f in client.list_artifacts(parent_id, "outdir"))
    check(sub == [("outdir/a.txt", False), ("outdir/inner", True)], sub)
    target = tempfile.mkdtemp()
    local = client.download_artifacts(parent_id, "hello.txt", target)
    check(open(local).read() == "hello world\n", "downloaded file content")
    folder = mlflow.artifacts.download_artifacts(run_id=parent_id, artifact_path="outdir", dst_path=target)
    check(open(os.path.join(folder, "inner", "b.txt")).read() == "b\n", "recursive download")
    check(json.load(open(mlflow.artifacts.download_artifacts(run_id=parent_id, artifact_path="cfg/config.json",
                                                             dst_path=target))) == {"k": 1}, "log_dict round trip")

    found = client.search_runs([experiment_id], filter_string="(metrics.acc > 0.92 AND params.opt = 'adam') OR run_name = 'parent'",
                               order_by=["metrics.acc DESC"], max_results=10)
    check([r.info.run_name for r in found] == ["child", "parent"], [r.info.run_name for r in found])
    listed = mlflow.search_runs(experiment_ids=[experiment_id], filter_string="attributes.status = 'FAILED'", output_format="list")
    check([r.info.run_name for r in listed] == ["failing"], [r.info.run_name for r in listed])
    # The pandas form (make test-deps installs pandas beside mlflow-skinny).
    frame = mlflow.search_runs(experiment_ids=[experiment_id], order_by=["metrics.acc DESC"])
    check(list(frame["tags.mlflow.runName"])[:1] == ["child"], "pandas form")
    check(frame["metrics.acc"].iloc[0] > 0.92, "pandas metric column")
    pandas_checked = True
    names = [e.name for e in client.search_experiments()]
    check("e2e" in names and "Default" in names, names)

    client.delete_run(child_id)
    active = client.search_runs([experiment_id])
    check(child_id not in [r.info.run_id for r in active], "deleted run hidden from ACTIVE_ONLY")
    check(client.get_run(child_id).info.lifecycle_stage == "deleted", "deleted stage")
    client.restore_run(child_id)
    check(child_id in [r.info.run_id for r in client.search_runs([experiment_id])], "restored run visible")
    print(json.dumps({"ok": True, "runs": 3, "pandas": pandas_checked}))


def writers(count, points):
    """`count` threads, each with its own run, log `points` single metrics and one batch."""
    client = MlflowClient()
    experiment_id = mlflow.set_experiment("writers").experiment_id
    run_ids, errors = [], []

    def work(index):
        try:
            run = client.create_run(experiment_id, run_name=f"writer-{index}")
            run_ids.append(run.info.run_id)
            for step in range(points):
                client.log_metric(run.info.run_id, "m", float(step), step=step)
            client.log_batch(run.info.run_id, metrics=[Metric("b", float(i), 1, i) for i in range(points)])
            client.set_terminated(run.info.run_id)
        except Exception as error:  # reported below, so a lost write is never silent
            errors.append(repr(error))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(count)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not errors, errors)
    for run_id in run_ids:
        for key in ("m", "b"):
            steps = sorted(m.step for m in client.get_metric_history(run_id, key))
            check(steps == list(range(points)), f"run {run_id} {key}: {len(steps)} of {points} points")
    finished = client.search_runs([experiment_id], filter_string="attributes.status = 'FINISHED'", max_results=1000)
    check(len(finished) == count, f"{len(finished)} finished runs")
    print(json.dumps({"ok": True, "writers": count, "points": count * points * 2, "seconds": round(time.time() - started, 2)}))


def flood(run_file, ack_file):
    """Logs metrics until the server dies; each acknowledged step is appended to `ack_file`."""
    client = MlflowClient()
    run = client.create_run(mlflow.set_experiment("flood").experiment_id)
    write(run_file, run.info.run_id)
    with open(ack_file, "a") as acks:
        step = 0
        while True:
            try:
                client.log_metric(run.info.run_id, "x", float(step), step=step)
            except Exception:
                return
            acks.write(f"{step}\n")
            acks.flush()
            step += 1


def verify(run_file, ack_file):
    run_id = open(run_file).read().strip()
    acknowledged = [int(line) for line in open(ack_file) if line.strip()]
    stored = {m.step for m in MlflowClient().get_metric_history(run_id, "x")}
    lost = [s for s in acknowledged if s not in stored]
    check(acknowledged and not lost, f"{len(lost)} acknowledged writes lost of {len(acknowledged)}")
    print(json.dumps({"ok": True, "acknowledged": len(acknowledged), "stored": len(stored)}))


def auth_denied():
    try:
        MlflowClient().search_experiments()
    except MlflowException as error:
        check("401" in str(error) or "UNAUTHENTICATED" in str(error), str(error))
        print(json.dumps({"ok": True, "denied": True}))
        return
    raise AssertionError("a wrong token was accepted")


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "scenario":
        scenario()
    elif mode == "writers":
        writers(int(args[0]), int(args[1]))
    elif mode == "flood":
        flood(*args)
    elif mode == "verify":
        verify(*args)
    elif mode == "auth-denied":
        auth_denied()
    else:
        raise SystemExit(f"unknown mode {mode}")
