"""Writer-side ingest benchmark: CPU of the embedded store's flat writer per cable.

    .venv/bin/python -m benchmarks.bench_ingest_writer [--source /work/bench/synth250k.csv]
        [--cables 20000] [--repeat 3] [--batch-size 2000] [--work /tmp/hW]

The parser workers' output of the first ``--cables`` cables of ``--source`` is made
once (``parse_unit``, all cores) and pickled into ``--work``; each run then replays it
through ``SQLiteStore.write_flat`` as ``loaders.ingest`` does (``batch_size`` cables a
transaction, the collector paused, young generations collected after each commit) into
a fresh store, and measures this process's own CPU seconds (user + system) of the
writes and the closing checkpoint only, so runs on a shared machine compare. (A cache
of more cables serves a smaller ``--cables`` too.) Medians of ``--repeat`` runs go to
stdout and ``benchmarks/out/bench_ingest_writer.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from graph.model import FlatBatch
from graph.sqlite_store import SQLiteStore
from loaders.ingest_units import parse_unit, plan_units

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out" / "bench_ingest_writer.json"


def prepare(source: Path, cables: int, work: Path) -> list[FlatBatch]:
    """The flat batches of the first ``cables`` cables of ``source`` (cached in ``work``)."""
    cache = work / f"{source.stem}-{cables}.pkl"
    for made in sorted(work.glob(f"{source.stem}-*.pkl"), key=_cables_in):
        if _cables_in(made) >= cables:  # the smallest that holds enough
            with made.open("rb") as handle:
                batches: list[FlatBatch] = pickle.load(handle)
                return batches[:cables]
    units = plan_units([source])
    batches = []
    with ProcessPoolExecutor() as pool:
        for start in range(0, len(units), 8):  # a few units at a time: stop when enough
            for result in pool.map(parse_unit, units[start : start + 8]):
                batches.extend(result.batches)
            if len(batches) >= cables:
                break
    batches = batches[:cables]
    work.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as handle:
        pickle.dump(batches, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return batches


def _cables_in(cache: Path) -> int:
    """The number of cables a cache file holds, from its name (``synth250k-20000.pkl``).

    >>> _cables_in(Path("synth250k-20000.pkl"))
    20000
    """
    return int(cache.stem.rsplit("-", 1)[1])


def replay(batches: list[FlatBatch], db: Path, batch_size: int) -> tuple[float, float]:
    """CPU and wall seconds of writing ``batches`` into a fresh store at ``db``."""
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    store = SQLiteStore.open(str(db))
    gc.disable()
    cpu, wall = time.process_time(), time.perf_counter()
    for start in range(0, len(batches), batch_size):
        store.write_flat(batches[start : start + batch_size])
        gc.collect(0)
    store.close()  # its last checkpoint is part of the writer's work
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    gc.enable()
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=Path("/work/bench/synth250k.csv"))
    parser.add_argument("--cables", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/hW"))
    parser.add_argument("--label", default="run")
    args = parser.parse_args()
    batches = prepare(args.source, args.cables, args.work)
    gc.freeze()  # the loaded batches are never collected: keep them out of the scans
    runs = [replay(batches, args.work / "writer.db", args.batch_size) for _ in range(args.repeat)]
    cpu = statistics.median(run[0] for run in runs)
    wall = statistics.median(run[1] for run in runs)
    result = {
        "label": args.label,
        "cables": len(batches),
        "batch_size": args.batch_size,
        "cpu_s": [round(run[0], 3) for run in runs],
        "median_cpu_s": round(cpu, 3),
        "median_wall_s": round(wall, 3),
        "ms_per_cable": round(cpu / len(batches) * 1000, 4),
    }
    print(json.dumps(result))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("a") as handle:
        handle.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
