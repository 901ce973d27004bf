"""CPU per cable of an ingest worker's mapping: ``cable_to_flat``, the per-unit
``RepeatFilter``, and pickling the unit's batches as the process pool does (and the
writer's unpickling, for scale).

The cables are parsed once, before any timing: the first ``--rows`` rows of a
``cables.csv`` dump (default the 10k synthetic corpus) or every file of a folder. Each
pass maps them in units of ``--unit`` cables with the collector paused, as
``loaders.ingest_units.parse_unit`` does; the first pass only warms the per-process
caches (as a long-running worker's are) and is not reported. Process CPU time; medians
of ``--passes`` passes.

    .venv/bin/python benchmarks/bench_mapping.py --rows 3000
    .venv/bin/python benchmarks/bench_mapping.py /work/shared/corpus/cablegate
"""

from __future__ import annotations

import argparse
import gc
import pickle
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from loaders.ingest_flat import RepeatFilter
from loaders.ingest_units import ROW_START
from loaders.read import expand_paths, iter_path, parse_document
from loaders.record import Cable
from loaders.to_graph import cable_to_flat
from loaders.to_graph_build import count_words

DEFAULT = Path("/work/bench/synth10k.csv")
STEPS = ("map", "filter", "dumps", "loads")


def read_cables(path: Path, rows: int) -> list[Cable]:
    """The cables of ``path``: its first ``rows`` rows (a csv dump) or every file."""
    if path.is_dir():
        return [r for p in expand_paths([path]) for r in iter_path(p) if isinstance(r, Cable)]
    data = path.read_bytes()
    ends = [m.end() for m, _ in zip(ROW_START.finditer(data), range(rows), strict=False)]
    return [r for r in parse_document(data[: ends[-1]], str(path)) if isinstance(r, Cable)]


def time_pass(cables: Sequence[Cable], unit: int) -> dict[str, float]:
    """Seconds of CPU spent in each step over all ``cables``, ``unit`` at a time."""
    spent = dict.fromkeys(STEPS, 0.0)
    clock = time.process_time
    for start in range(0, len(cables), unit):
        began = clock()
        flats = [cable_to_flat(cable) for cable in cables[start : start + unit]]
        mapped = clock()
        repeats = RepeatFilter()
        kept = tuple(repeats.drop(flat) for flat in flats)
        filtered = clock()
        blob = pickle.dumps(kept, protocol=pickle.DEFAULT_PROTOCOL)  # as ForkingPickler
        dumped = clock()
        pickle.loads(blob)
        loaded = clock()
        marks = (began, mapped, filtered, dumped, loaded)
        for step, a, b in zip(STEPS, marks, marks[1:], strict=False):
            spent[step] += b - a
        del flats, kept, blob
        gc.collect(1)
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--unit", type=int, default=250)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    cables = read_cables(args.path, args.rows)
    print(f"{len(cables)} cables from {args.path}; counter: {count_words.__module__}")
    gc.disable()
    time_pass(cables, args.unit)  # warm-up
    runs = [time_pass(cables, args.unit) for _ in range(args.passes)]
    for step in (*STEPS, "worker"):
        per_cable = [
            (sum(run[s] for s in STEPS[:3]) if step == "worker" else run[step]) / len(cables) * 1e6
            for run in runs
        ]
        print(f"  {step:7s} {statistics.median(per_cable):7.1f} us/cable (median of {len(runs)})")
    print("  worker = map + filter + dumps")


if __name__ == "__main__":
    main()
