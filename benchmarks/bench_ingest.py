"""Ingest benchmark: synthetic corpora of 10k and 250k cables into the embedded store.

    .venv/bin/python -m benchmarks.bench_ingest [--sizes 10000 250000] [--repeat 3]
        [--dir /work/bench] [--store-dir /work/bench/w]

For each size: generate the input once (``<dir>/synth<N>.csv``, :mod:`benchmarks.synth`,
seed 1), run ``cablegraph ingest`` in a subprocess into a fresh
``<store-dir>/ingest<N>.db`` (never the ``synth<N>.db`` other benchmarks read) while
sampling the RSS of the whole process tree (parent + parser workers, psutil, every
0.1 s), then measure the store size and the time a fresh process needs to open the
store and answer its first query (ready to serve). Runs are repeated ``--repeat``
times for sizes up to 50k (once above) and medians reported; the last store of each
size is kept. CPU seconds are reported per process (the writing main process, the
parser workers) beside wall times, so runs on a loaded machine compare. Results go to
``benchmarks/out/bench_ingest.json``.

Targets (issue 3): 250k cables in at most 300 s, peak RSS at most 2 GB, re-open < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
CLI = PYTHON.parent / "cablegraph"
#: The code benchmarked: this checkout, or a snapshot named by ``PYTHONPATH`` (e.g. a
#: ``git archive HEAD`` export, to measure committed code while others edit the tree).
CODE = Path(os.environ.get("PYTHONPATH", str(ROOT)).split(os.pathsep)[0])
OUT = ROOT / "benchmarks" / "out" / "bench_ingest.json"
REOPEN_SNIPPET = """
import sys, time
t0 = time.perf_counter()
from graph.sqlite_store import SQLiteStore
from graph.model import FULL_CLEARANCE
store = SQLiteStore.open(sys.argv[1])
store.get_nodes([sys.argv[2]], FULL_CLEARANCE)
store.search("embassy", FULL_CLEARANCE, first=5)
print(time.perf_counter() - t0)
"""
COUNTS_SNIPPET = """
import sys, orjson
from graph.sqlite_store import SQLiteStore
stats = SQLiteStore.open(sys.argv[1]).stats()
print(orjson.dumps({"nodes": sum(stats.nodes.values()), "edges": sum(stats.edges.values()),
                    "cables_in_corpus": stats.cables_in_corpus,
                    "placeholders": stats.placeholders}).decode())
"""


@dataclass(frozen=True, slots=True)
class Run:
    cables: int
    seconds: float
    cables_per_s: float
    peak_rss_mb: float
    peak_anon_mb: float  # RSS without file-backed pages (SQLite's mmap of the store)
    store_mb: float
    reopen_s: float
    exit_code: int
    cpu_s: float  # user + system seconds of the ingest process tree
    main_cpu_s: float  # of which the main (writing) process
    workers_cpu_s: float  # of which the parser workers (and their fork server)
    main_ms_per_cable: float
    workers_ms_per_cable: float
    cables_per_cpu_s: float
    load_avg: float  # 1-minute load average when the run started (2 cores)
    counts: dict[str, int]  # nodes, edges, loaded cables and placeholders in the store


def ensure_input(folder: Path, size: int) -> Path:
    """The synthetic input of ``size`` cables (generated once, seed 1)."""
    path = folder / f"synth{_label(size)}.csv"
    if not path.exists():
        subprocess.run(
            [str(PYTHON), "-m", "benchmarks.synth", str(size), str(path), "--seed", "1"],
            cwd=ROOT,
            check=True,
        )
    return path


def run_ingest(source: Path, db: Path, size: int) -> Run:
    """One ingest of ``source`` into a fresh ``db``, with RSS sampling."""
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.ingest-checkpoint")):
        stale.unlink(missing_ok=True)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(CLI), "ingest", str(source), "--store", str(db)],
        cwd=CODE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak, anon, cpu = _sample_tree(proc)
    code = proc.wait()
    seconds = time.perf_counter() - started
    store_bytes = sum(p.stat().st_size for p in db.parent.glob(f"{db.name}*") if p.is_file())
    total_cpu, main_cpu = sum(cpu.values()), cpu.get(proc.pid, 0.0)
    return Run(
        cables=size,
        seconds=round(seconds, 2),
        cables_per_s=round(size / seconds, 1),
        peak_rss_mb=round(peak / 2**20, 1),
        peak_anon_mb=round(anon / 2**20, 1),
        store_mb=round(store_bytes / 2**20, 1),
        reopen_s=measure_reopen(db),
        counts=count_store(db),
        exit_code=code,
        cpu_s=round(total_cpu, 1),
        main_cpu_s=round(main_cpu, 1),
        workers_cpu_s=round(total_cpu - main_cpu, 1),
        main_ms_per_cable=round(main_cpu / size * 1000, 3),
        workers_ms_per_cable=round((total_cpu - main_cpu) / size * 1000, 3),
        cables_per_cpu_s=round(size / total_cpu, 1) if total_cpu else 0.0,
        load_avg=round(load, 2),
    )


def count_store(db: Path) -> dict[str, int]:
    """Nodes, edges, loaded cables and placeholders in ``db`` (a fresh process)."""
    result = subprocess.run(
        [str(PYTHON), "-c", COUNTS_SNIPPET, str(db)],
        cwd=CODE,
        capture_output=True,
        text=True,
        check=True,
    )
    counts: dict[str, int] = json.loads(result.stdout)
    return counts


def measure_reopen(db: Path, repeat: int = 5) -> float:
    """Median time for a fresh process to open ``db`` and answer a lookup and a search
    (interpreter start-up excluded: timed inside the process)."""
    times = []
    for _ in range(repeat):
        result = subprocess.run(
            [str(PYTHON), "-c", REOPEN_SNIPPET, str(db), "cable:04TELAVIV1"],
            cwd=CODE,
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(result.stdout.strip()))
    return round(statistics.median(times), 3)


def _sample_tree(proc: subprocess.Popen[bytes]) -> tuple[int, int, dict[int, float]]:
    """Peak summed RSS of ``proc`` and all its descendants (the parser workers come
    from a fork server, so they are grandchildren), and their CPU seconds (user +
    system, last sample of each process)."""
    peak = peak_anon = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_anon
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set() and proc.poll() is None:
            total = anon = 0
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                break
            for process in tree:
                try:
                    with process.oneshot():
                        memory = process.memory_info()
                        total += memory.rss
                        anon += memory.rss - memory.shared
                        times = process.cpu_times()
                        cpu[process.pid] = times.user + times.system
                except psutil.NoSuchProcess:
                    continue
            peak, peak_anon = max(peak, total), max(peak_anon, anon)
            time.sleep(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    stop.set()
    thread.join()
    return peak, peak_anon, cpu


def _commit() -> str:
    """The commit of the code benchmarked (``git describe``), or ``unknown``."""
    found = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=CODE, capture_output=True, text=True
    )
    return found.stdout.strip() or "unknown"


def _label(size: int) -> str:
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def summarize(runs: list[Run]) -> dict[str, object]:
    """Medians over repeated runs (the store counts of the last)."""
    return {
        "cables": runs[0].cables,
        "runs": len(runs),
        "seconds": statistics.median(r.seconds for r in runs),
        "cables_per_s": statistics.median(r.cables_per_s for r in runs),
        "peak_rss_mb": statistics.median(r.peak_rss_mb for r in runs),
        "peak_anon_mb": statistics.median(r.peak_anon_mb for r in runs),
        "store_mb": statistics.median(r.store_mb for r in runs),
        "reopen_s": statistics.median(r.reopen_s for r in runs),
        "cpu_s": statistics.median(r.cpu_s for r in runs),
        "main_cpu_s": statistics.median(r.main_cpu_s for r in runs),
        "workers_cpu_s": statistics.median(r.workers_cpu_s for r in runs),
        "main_ms_per_cable": statistics.median(r.main_ms_per_cable for r in runs),
        "workers_ms_per_cable": statistics.median(r.workers_ms_per_cable for r in runs),
        "cables_per_cpu_s": statistics.median(r.cables_per_cpu_s for r in runs),
        "load_avg": statistics.median(r.load_avg for r in runs),
        # on two idle cores a run takes at least half its CPU, and at least the writer's
        "two_idle_cores_floor_s": statistics.median(max(r.cpu_s / 2, r.main_cpu_s) for r in runs),
        "counts": runs[-1].counts,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 250_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/work/bench"), help="inputs")
    parser.add_argument("--store-dir", type=Path, default=Path("/work/bench/w"), help="stores")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    args.store_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"code": str(CODE), "commit": _commit()}
    for size in args.sizes:
        source = ensure_input(args.dir, size)
        db = args.store_dir / f"ingest{_label(size)}.db"
        repeat = args.repeat if size <= 50_000 else 1
        runs = [run_ingest(source, db, size) for _ in range(repeat)]
        summary = summarize(runs)
        results[_label(size)] = {"summary": summary, "runs": [asdict(r) for r in runs]}
        print(json.dumps({_label(size): summary}), flush=True)
    labels = [_label(s) for s in args.sizes]
    if len(labels) == 2:
        small, large = (results[label]["summary"] for label in labels)  # type: ignore[index]
        results["rate_ratio_large_vs_small"] = round(
            large["cables_per_s"] / small["cables_per_s"], 3
        )
        results["cpu_rate_ratio_large_vs_small"] = round(
            large["cables_per_cpu_s"] / small["cables_per_cpu_s"], 3
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))
    sys.exit(0)


if __name__ == "__main__":
    main()
