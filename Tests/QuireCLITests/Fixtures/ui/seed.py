"""Seeds a live `quire serve` (MLFLOW_TRACKING_URI) through the official MLflow client with the data
the browser checks expect, and writes the ids it got to the JSON file named by the only argument.

Everything is deterministic so that browser_checks.py can state its expected values by hand:
- experiment "ui-main": 30 runs run-00 … run-29, where run-29 is nested under run-00;
  params lr = ["0.1", "0.01", "0.001"][i % 3], batch = ["32", "64"][i % 2],
  optimizer = "sgd" when i % 5 == 0 else "adam";
  metrics acc and loss with steps 0..4: acc = i / 100 * (step + 1) / 5 (last value i / 100),
  loss = 1 - acc; tags team = "vision", mlflow.user = "alice" (even i) or "bob" (odd i),
  mlflow.source.name = "notebooks/train.ipynb", mlflow.source.git.commit = COMMIT;
  run-03, run-13 and run-23 end FAILED;
  run-05 has the Markdown note NOTE and artifacts curve.png (8 × 6 pixels), summary.txt and
  data/table.csv;
- experiment "ui-other": 2 runs other-0 and other-1;
- experiment "ui-deleted", deleted (the list must not show it).
"""
import json
import os
import struct
import sys
import tempfile
import zlib

import mlflow
from mlflow import MlflowClient

COMMIT = "3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e"
NOTE = """# Findings

The **best** run used `lr=0.01`.

- warm-up helps
- batch 64 is enough

<script>window.__pwned = 1</script>
<img src="x" onerror="window.__pwned = 2">
"""


def png(width, height):
    """A valid RGB PNG of one colour, with the standard library only."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x33\x66\x99" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def log_history(client, run_id, i):
    for step in range(5):
        acc = i / 100 * (step + 1) / 5
        client.log_metric(run_id, "acc", acc, step=step)
        client.log_metric(run_id, "loss", 1 - acc, step=step)


def seed_main(client):
    experiment_id = client.create_experiment("ui-main")
    runs = {}
    for i in range(30):
        tags = {
            "team": "vision",
            "mlflow.user": "alice" if i % 2 == 0 else "bob",
            "mlflow.source.name": "notebooks/train.ipynb",
            "mlflow.source.git.commit": COMMIT,
        }
        if i == 29:
            tags["mlflow.parentRunId"] = runs["run-00"]
        run = client.create_run(experiment_id, run_name=f"run-{i:02d}", tags=tags)
        run_id = run.info.run_id
        runs[f"run-{i:02d}"] = run_id
        client.log_param(run_id, "lr", ["0.1", "0.01", "0.001"][i % 3])
        client.log_param(run_id, "batch", ["32", "64"][i % 2])
        client.log_param(run_id, "optimizer", "sgd" if i % 5 == 0 else "adam")
        log_history(client, run_id, i)
        if i == 5:
            client.set_tag(run_id, "mlflow.note.content", NOTE)
            files = tempfile.mkdtemp()
            write(f"{files}/curve.png", png(8, 6))
            write(f"{files}/summary.txt", b"best lr was 0.01\n")
            write(f"{files}/data/table.csv", b"step,loss\n0,1.0\n")
            client.log_artifact(run_id, f"{files}/curve.png")
            client.log_artifact(run_id, f"{files}/summary.txt")
            client.log_artifacts(run_id, f"{files}/data", "data")
        client.set_terminated(run_id, "FAILED" if i % 10 == 3 else "FINISHED")
    return experiment_id, runs


def main():
    client = MlflowClient()
    main_id, runs = seed_main(client)
    other_id = client.create_experiment("ui-other")
    for i in range(2):
        run = client.create_run(other_id, run_name=f"other-{i}")
        runs[f"other-{i}"] = run.info.run_id
        client.log_metric(run.info.run_id, "acc", 0.5)
        client.set_terminated(run.info.run_id)
    deleted_id = client.create_experiment("ui-deleted")
    client.delete_experiment(deleted_id)
    with open(sys.argv[1], "w") as f:
        json.dump({"experiments": {"ui-main": main_id, "ui-other": other_id, "ui-deleted": deleted_id}, "runs": runs}, f)


if __name__ == "__main__":
    main()
