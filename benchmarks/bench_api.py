"""API benchmark: uvicorn in a subprocess on 127.0.0.1, requests over loopback HTTP.

Times (p50/p99, ms) cable-by-id with references and recipients, a filtered ``cables``
page, ``referenceChain`` depth 6, ``path`` and a 500-node ``neighborhood``, then the
throughput of cable-by-id (wrk when installed, else a threaded httpx client), and the
GraphQL overhead: HTTP p50 over the p50 of the same store calls made in-process.

Each case also reports the server's CPU time per request (user + system of the uvicorn
processes over the timed calls): unlike wall latency it hardly moves when other work
shares the machine, so runs on a busy machine compare. The load average at start and
end is recorded beside. Requests are sequential over one keep-alive connection (so one
worker serves them); every case is warmed up over all its variables first. The store
is opened read-only by this process (the server opens it as ``cablegraph serve`` does
and only reads it).

    .venv/bin/python benchmarks/bench_api.py [--store /work/bench/synth250k.db]
        [--workers 2] [--calls 300] [--seconds 10] [--out benchmarks/out/bench_api.json]

Without --store it uses /work/bench/synth250k.db when present, else an embedded store
of ../shared/corpus built once into benchmarks/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
from bench_api_cases import CABLE_BY_ID, Case, build_cases, time_in_process

from graph.model import FULL_CLEARANCE
from graph.sqlite_schema import PRAGMAS
from graph.sqlite_store import SQLiteStore
from graph.store import CableFilter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SYNTH = Path("/work/bench/synth250k.db")
WRK_SCRIPT = """
local bodies = {}
for line in io.lines("%s") do bodies[#bodies + 1] = line end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i %% #bodies + 1
  return wrk.format(nil, "/graphql", nil, bodies[i])
end
"""


def corpus_store() -> Path:
    """An embedded store of ../shared/corpus (built on first use)."""
    path = OUT / "api-corpus.db"
    if not path.exists():
        from loaders.ingest import ingest_paths

        OUT.mkdir(parents=True, exist_ok=True)
        store = SQLiteStore.open(str(path))
        ingest_paths(store, [ROOT.parent / "shared" / "corpus"])
        store.close()
    return path


def open_read_only(path: Path) -> SQLiteStore:
    """The store at ``path`` through a read-only connection (nothing can write it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                           check_same_thread=False)  # fmt: skip
    for pragma in PRAGMAS:
        if not pragma.startswith(("PRAGMA journal_mode", "PRAGMA page_size", "PRAGMA wal_")):
            conn.execute(pragma)
    return SQLiteStore(str(path), conn)


def ingest_in_progress(store: Path) -> bool:
    """True (and a warning) when an ingest checkpoint sits beside the store: it is being
    (re)built, so it may hold fewer cables than its name says and the numbers compare
    with nothing."""
    checkpoint = store.with_name(store.name + ".ingest-checkpoint")
    if checkpoint.exists():
        print(f"warning: {checkpoint} exists: an ingest into the store is running "
              "or was cut short", file=sys.stderr)  # fmt: skip
        return True
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(store: Path, workers: int) -> Iterator[tuple[str, int]]:
    """uvicorn with ``workers`` processes on a free loopback port; yields its URL and pid."""
    port = free_port()
    env = {**os.environ, "CABLEGRAPH_STORE": str(store), "CABLEGRAPH_ANONYMOUS": "auto",
           "CABLEGRAPH_COMPLEXITY_BUDGET": "1000000"}  # fmt: skip
    command = [sys.executable, "-m", "uvicorn", "api.app:app_from_env", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
               "--log-level", "warning", "--no-access-log"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_healthy(url: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not become healthy in {seconds:.0f} s")


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_http(client: httpx.Client, case: Case, calls: int) -> list[float]:
    """Latencies (ms) of ``calls`` sequential requests cycling over the case's variables."""
    times = []
    for n in range(calls):
        body = {"query": case.query, "variables": case.variables[n % len(case.variables)]}
        start = time.perf_counter()
        response = client.post("/graphql", json=body)
        times.append((time.perf_counter() - start) * 1000)
        reply = response.json()
        if response.status_code != 200 or reply.get("errors"):
            raise RuntimeError(f"{case.name}: {response.status_code} {reply.get('errors')}")
    return times


def time_direct(case: Case, calls: int) -> list[float]:
    assert case.direct is not None
    times = []
    for n in range(calls):
        start = time.perf_counter()
        case.direct(case.variables[n % len(case.variables)])
        times.append((time.perf_counter() - start) * 1000)
    return times


def server_cpu_seconds(pid: int) -> float:
    """CPU time used so far by the server and its worker processes."""
    parent = psutil.Process(pid)
    total = 0.0
    for proc in [parent, *parent.children(recursive=True)]:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def throughput(url: str, ids: list[str], seconds: int, connections: int) -> tuple[float, str]:
    """Requests/s of cable-by-id over ``ids``: wrk if installed, else threaded httpx."""
    bodies = [json.dumps({"query": CABLE_BY_ID, "variables": {"id": i}}) for i in ids]
    wrk = shutil.which("wrk")
    if wrk is None:
        return threaded_throughput(url, bodies, seconds, connections), "httpx threads"
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "bodies.txt").write_text("\n".join(bodies) + "\n")
        (Path(tmp) / "post.lua").write_text(WRK_SCRIPT % (Path(tmp) / "bodies.txt"))
        command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "-s",
                   str(Path(tmp) / "post.lua"), url]  # fmt: skip
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in output.splitlines() if ln.startswith("Requests/sec:"))
    return float(line.split()[1]), f"wrk -t2 -c{connections}"


def threaded_throughput(url: str, bodies: list[str], seconds: int, threads: int) -> float:
    from concurrent.futures import ThreadPoolExecutor

    deadline = time.monotonic() + seconds

    def worker(offset: int) -> int:
        done = 0
        with httpx.Client(base_url=url) as client:
            while time.monotonic() < deadline:
                body = bodies[(offset + done) % len(bodies)]
                client.post("/graphql", content=body, headers={"content-type": "application/json"})
                done += 1
        return done

    with ThreadPoolExecutor(threads) as pool:
        total = sum(pool.map(worker, range(threads)))
    return total / seconds


def time_case(client: httpx.Client, pid: int, case: Case, calls: int) -> dict[str, object]:
    """One case over HTTP (after a warm-up over all its variables), with the server CPU
    per request, then the same through ``schema.execute`` and the store directly."""
    time_http(client, case, max(20, 2 * len(case.variables)))  # warm caches, connection
    cpu_before = server_cpu_seconds(pid)
    http = time_http(client, case, calls)
    cpu_ms = (server_cpu_seconds(pid) - cpu_before) * 1000 / calls
    p50 = statistics.median(http)
    return {"case": case.name, "p50_ms": round(p50, 2),
            "p90_ms": round(percentile(http, 0.90), 2),
            "p99_ms": round(percentile(http, 0.99), 2), "max_ms": round(max(http), 2),
            "server_cpu_ms_per_request": round(cpu_ms, 2)}  # fmt: skip


def compare_in_process(store: SQLiteStore, case: Case, row: dict[str, object], calls: int) -> None:
    """Add the in-process p50 (GraphQL without HTTP) and the store-call p50 to ``row``."""
    direct = time_direct(case, calls) if case.direct else []
    local = time_in_process(store, case, calls)
    d50 = statistics.median(direct) if direct else None
    p50 = float(row["p50_ms"])  # type: ignore[arg-type]
    row.update({"in_process_p50_ms": round(statistics.median(local), 2),
                "direct_p50_ms": round(d50, 3) if d50 else None,
                "overhead_ratio": round(p50 / d50, 1) if d50 else None})  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--only", default="", help="run only the cases whose name has this")
    parser.add_argument("--out", type=Path, default=OUT / "bench_api.json")
    args = parser.parse_args(argv)
    store_path = args.store or (SYNTH if SYNTH.exists() else corpus_store())
    store = open_read_only(store_path)
    cases = [c for c in build_cases(store) if args.only in c.name]
    cables = store.find_cables(CableFilter(), FULL_CLEARANCE, first=0).total
    results: dict[str, object] = {
        "store": str(store_path),
        "cables": cables,
        "workers": args.workers,
        "calls": args.calls,
        "ingest_in_progress": ingest_in_progress(store_path),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
    with serve(store_path, args.workers) as (url, pid), httpx.Client(base_url=url) as client:
        rows = []
        for case in cases:
            print(f"{case.name} ...", file=sys.stderr, flush=True)
            rows.append(time_case(client, pid, case, args.calls))
        ids = [v["id"] for v in build_cases_ids(cases)]
        cpu_before = server_cpu_seconds(pid)
        rate, tool = throughput(url, ids, args.seconds, args.connections) if ids else (0.0, "-")
        cpu_used = server_cpu_seconds(pid) - cpu_before
    for case, row in zip(cases, rows, strict=True):
        compare_in_process(store, case, row, args.calls)
    store.close()
    results["latency"] = rows
    results["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    per_cpu_second = rate * args.seconds / cpu_used if cpu_used else 0.0
    results["throughput"] = {
        "case": "cable by id",
        "requests_per_s": round(rate),
        "tool": tool,
        "server_cpu_ms_per_request": round(1000 / per_cpu_second, 2) if per_cpu_second else None,
        "requests_per_server_cpu_second": round(per_cpu_second),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    return 0


def build_cases_ids(cases: list[Case]) -> list[dict[str, str]]:
    """The variables of the cable-by-id case (the throughput run), if it was run."""
    return [v for c in cases if c.query == CABLE_BY_ID for v in c.variables]


def print_table(results: dict[str, object]) -> None:
    load = f"{results['load_average_start']} -> {results['load_average_end']}"
    print(f"store {results['store']} ({results['cables']} cables), "
          f"{results['workers']} uvicorn workers, {results['calls']} calls per case, "
          f"load average {load}")  # fmt: skip
    print(f"{'case':48} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'CPU ms':>7} "
          f"{'no-HTTP':>8} {'store ms':>9} {'ratio':>6}")  # fmt: skip
    for row in results["latency"]:  # type: ignore[attr-defined]
        direct = row["direct_p50_ms"]
        ratio = row["overhead_ratio"]
        direct_text = "-" if direct is None else f"{direct:.3f}"
        ratio_text = "-" if ratio is None else f"{ratio:.1f}x"
        print(f"{row['case']:48} {row['p50_ms']:7.2f} {row['p90_ms']:7.2f} {row['p99_ms']:7.2f} "
              f"{row['server_cpu_ms_per_request']:7.2f} {row['in_process_p50_ms']:8.2f} "
              f"{direct_text:>9} {ratio_text:>6}")  # fmt: skip
    print(
        "(CPU ms: server CPU time per request, all uvicorn processes; no-HTTP: p50 through"
        " schema.execute in-process; store ms: p50 of the same store calls)"
    )
    tp = results["throughput"]
    if not tp["requests_per_s"]:  # type: ignore[index]
        print("throughput cable by id: not run (--only)")
        return
    print(f"throughput cable by id: {tp['requests_per_s']} req/s ({tp['tool']}); "  # type: ignore[index]
          f"server CPU {tp['server_cpu_ms_per_request']} ms/request = "  # type: ignore[index]
          f"{tp['requests_per_server_cpu_second']} requests per CPU-second")  # type: ignore[index]  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
