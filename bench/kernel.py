"""Side-by-side: `quire run` vs `jupyter execute` (nbclient) vs papermill on the same notebooks.

    bench/kernel.sh            (quire from PATH, the anchors and ipykernel from .venv)

Each tool runs each notebook RUNS times (default 5), one at a time. Per run we record the wall
time and the CPU time of the client process itself (the sum of /proc/<pid>/task/*/schedstat,
sampled every 2 ms until it exits), which leaves out the kernel's CPU: the kernel is a child
process with its own tasks. Everything the client adds over the kernel is what we call overhead;
its CPU is the number that does not depend on what else the machine is doing.

Notebooks (bench/out/kernel/): empty (no cells: the kernel's start and stop), trivial-3 (3 tiny cells), trivial-100 (100 tiny cells),
work-10 (10 cells of ~0.15 s of real Python work each).
"""
import json, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out", "kernel")
VENV = os.environ.get("VENV", os.path.join(ROOT, ".venv"))
RUNS = int(os.environ.get("RUNS", "5"))
KERNEL = "quire-test-python3"
QUIRE = os.environ.get("QUIRE") or subprocess.run(["sh", "-c", "command -v quire"], capture_output=True, text=True).stdout.strip()


def notebook(sources):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook
    nb = new_notebook(metadata={"kernelspec": {"name": KERNEL, "display_name": "Python 3", "language": "python"}})
    nb.cells = [new_code_cell(s) for s in sources]
    return nb


def generate():
    import nbformat
    os.makedirs(OUT, exist_ok=True)
    work = "total = 0\nfor i in range(1_500_000):\n    total += i % 7\nprint(total)"
    cases = {
        "empty": [],  # kernel start-up and shutdown only: the floor every tool pays
        "trivial-3": ["x = 1", "print(x + 1)", "x * 3"],
        "trivial-100": [f"x{i} = {i}\nx{i} * 2" for i in range(100)],
        "work-10": [work] * 10,
    }
    for name, sources in cases.items():
        nbformat.write(notebook(sources), os.path.join(OUT, name + ".ipynb"))
    return list(cases)


def cpu_seconds(pid):
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return total / 1e9


def timed(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=OUT)
    cpu = 0.0
    while process.poll() is None:
        sample = cpu_seconds(process.pid)
        if sample is not None:
            cpu = sample
        time.sleep(0.002)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return wall, cpu


def cell_seconds(path):
    """Sum over cells of iopub idle − busy: the kernel's own execution time, from the output."""
    from datetime import datetime
    def parse(text):
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
    total = 0.0
    with open(path) as f:
        for cell in json.load(f)["cells"]:
            timing = cell.get("metadata", {}).get("execution", {})
            if "iopub.status.busy" in timing and "iopub.status.idle" in timing:
                total += (parse(timing["iopub.status.idle"]) - parse(timing["iopub.status.busy"])).total_seconds()
    return total


def tools(name):
    src = name + ".ipynb"
    return {
        "quire run": [QUIRE, "run", "-q", src, "-o", name + ".quire.ipynb"],
        "jupyter execute": [os.path.join(VENV, "bin", "jupyter-execute"), src, "--output", name + ".nbclient.ipynb"],
        "papermill": [os.path.join(VENV, "bin", "papermill"), "-k", KERNEL, "--no-progress-bar", src, name + ".papermill.ipynb"],
    }


def main():
    os.environ["JUPYTER_PATH"] = os.path.join(VENV, "share", "jupyter")
    if not QUIRE:
        raise SystemExit("no quire on PATH")
    names = generate()
    rows = []
    for name in names:
        results = {}
        for tool, command in tools(name).items():
            timed(command)  # warm the page cache and .pyc files
            samples = []
            for _ in range(RUNS):
                wall, cpu = timed(command)
                samples.append((wall, cpu, wall - cell_seconds(os.path.join(OUT, command[-1]))))
            results[tool] = tuple(statistics.median(s[i] for s in samples) for i in range(3))
            print(f"{name:12} {tool:16} wall {results[tool][0]:.3f} s  client CPU {results[tool][1] * 1000:.0f} ms  wall - cells {results[tool][2]:.3f} s", file=sys.stderr)
        q_wall, q_cpu, q_rest = results["quire run"]
        for tool, (wall, cpu, rest) in results.items():
            rows.append((name, tool, wall, rest, cpu, cpu / q_cpu if q_cpu else float("nan")))
    print("| notebook | tool | wall | wall − cells' own time | client CPU | client CPU ÷ quire's |")
    print("|---|---|---:|---:|---:|---:|")
    for name, tool, wall, rest, cpu, ratio in rows:
        print(f"| {name} | {tool} | {wall:.3f} s | {rest:.3f} s | {cpu * 1000:.0f} ms | {ratio:.0f}× |")


if __name__ == "__main__":
    main()
