"""Side-by-side: `quire run` vs `jupyter execute` (nbclient) vs papermill on the same notebooks.

    bench/kernel.sh            (quire from PATH, the anchors and ipykernel from .venv)

Each tool runs each notebook RUNS times (default 5), one at a time. Per run we record the wall
time and the CPU time of the client process itself (the sum of /proc/<pid>/task/*/schedstat,
sampled every 2 ms until it exits), which leaves out the kernel's CPU: the kernel is a child
process with its own tasks. Everything the client adds over the kernel is what we call overhead;
its CPU is the number that does not depend on what else the machine is doing.

Notebooks (bench/out/kernel/): trivial-3 (3 tiny cells), trivial-100 (100 tiny cells),
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
            samples = [timed(command) for _ in range(RUNS)]
            results[tool] = (statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))
            print(f"{name:12} {tool:16} wall {results[tool][0]:.3f} s  client CPU {results[tool][1] * 1000:.0f} ms", file=sys.stderr)
        q_wall, q_cpu = results["quire run"]
        for tool, (wall, cpu) in results.items():
            rows.append((name, tool, wall, cpu, wall - q_wall, cpu / q_cpu if q_cpu else float("nan")))
    print("| notebook | tool | wall (median) | client CPU (median) | wall − quire's | client CPU ÷ quire's |")
    print("|---|---|---:|---:|---:|---:|")
    for name, tool, wall, cpu, extra, ratio in rows:
        print(f"| {name} | {tool} | {wall:.3f} s | {cpu * 1000:.0f} ms | {extra:+.3f} s | {ratio:.0f}× |")


if __name__ == "__main__":
    main()
