"""Micro-benchmark of the embedded store: write throughput and read latencies.

Writes a synthetic Cablegate-shaped graph straight as GraphBatches (no parsing:
~24 edges per cable, a quarter of citations to missing cables, 2 KB bodies, a skewed
choice of origins, tags and mentions), then times the reads the API makes. Reports
medians (ms) over repeated calls on random cables.

    .venv/bin/python benchmarks/bench_store.py --cables 50000 [--path /tmp/bench.db]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from graph.model import (
    FULL_CLEARANCE,
    NEVER,
    Clearance,
    Edge,
    GraphBatch,
    Level,
    Node,
    NodeKind,
    PropValue,
)
from graph.model import EdgeKind as E
from graph.sqlite_store import SQLiteStore
from graph.store import CableFilter, ChainDirection, Direction

K = NodeKind
WORDS = [f"w{i}" for i in range(5000)] + ["japan", "afghanistan", "airlift", "nato", "isaf"]


def skewed(rng: random.Random, n: int) -> int:
    """An index in [0, n) with a heavy head (a few hubs, a long tail)."""
    return min(int(rng.paretovariate(1.2)) - 1, n - 1)


def cable_id(i: int) -> str:
    return f"{8 + i % 3:02d}POST{i % 250}{i}"


def cable_batch(rng: random.Random, i: int) -> tuple[list[Node], list[Edge]]:
    """One synthetic cable's nodes and edges."""
    level = rng.choice((0, 1, 1, 2))
    rel = NEVER if rng.random() < 0.1 else level
    cid = f"cable:{cable_id(i)}"
    body = " ".join(rng.choices(WORDS, k=300))
    props: dict[str, PropValue] = {
        "date": f"20{8 + i % 3:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "subject": body[:80],
        "classification": Level(level).name,
        "caveats": (),
        "body": body,
        "header": "FM X",
        "in_corpus": True,
    }
    nodes = [Node(cid, K.CABLE, cable_id(i), props, level, rel)]
    edges: list[Edge] = []

    def link(kind: NodeKind, key: str, edge: E, out: bool = True, **eprops: object) -> None:
        nid = f"{kind.value.lower()}:{key}"
        nodes.append(Node(nid, kind, key, {"name": key}, level, rel))
        pair = (cid, nid) if out else (nid, cid)
        edges.append(Edge(pair[0], edge, pair[1], eprops))  # type: ignore[arg-type]

    link(K.POST, f"P{skewed(rng, 250)}", E.SENT, out=False)
    for _ in range(3):
        link(K.POST, f"P{skewed(rng, 250)}", E.SENT_TO, role="action")
    for _ in range(3):
        cited = rng.randrange(max(i, 1))
        if rng.random() >= 0.75:  # a missing cable: a placeholder
            cited = 10_000_000 + rng.randrange(10**6)
        nid = f"cable:{cable_id(cited)}"
        nodes.append(Node(nid, K.CABLE, cable_id(cited), {"in_corpus": False}, level, rel))
        edges.append(Edge(cid, E.CITES, nid, {"bullet": "A"}))
    for _ in range(5):
        link(K.TAG, f"T{skewed(rng, 300)}", E.TAGGED)
    for kind, n in ((K.COUNTRY, 200), (K.OFFICIAL, 20000), (K.ORGANIZATION, 500), (K.ASSET, 200)):
        link(
            kind,
            f"{kind.value[0]}{skewed(rng, n) if kind != K.OFFICIAL else rng.randrange(n)}",
            E.MENTIONS,
            count=2,
        )
    link(K.OFFICIAL, f"O{rng.randrange(20000)}", E.CLASSIFIED_BY)
    link(K.OFFICIAL, f"O{rng.randrange(20000)}", E.SIGNED_BY)
    return nodes, edges


def batches(n: int, size: int) -> Iterator[GraphBatch]:
    rng = random.Random(7)
    for start in range(0, n, size):
        nodes: list[Node] = []
        edges: list[Edge] = []
        for i in range(start, min(n, start + size)):
            more_nodes, more_edges = cable_batch(rng, i)
            nodes += more_nodes
            edges += more_edges
        yield GraphBatch(tuple(nodes), tuple(edges))


def median_ms(fn: Callable[[int], object], runs: int = 200) -> float:
    times = []
    for run in range(runs):
        start = time.perf_counter()
        fn(run)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def write_all(n: int, path: str) -> None:
    """Write ``n`` synthetic cables; report wall and CPU time of the writes alone."""
    store = SQLiteStore.open(path)
    store.clear()
    wall = cpu = 0.0
    for batch in batches(n, 1000):
        t0, c0 = time.perf_counter(), time.process_time()
        store.write(batch)
        wall += time.perf_counter() - t0
        cpu += time.process_time() - c0
    stats = store.stats()
    edges = sum(stats.edges.values())
    rate = f"{n / cpu:.0f} cables/s, {edges / cpu:.0f} edges/s on CPU time"
    print(
        f"cables {n}: write wall {wall:.1f} s, CPU {cpu:.1f} s ({rate});"
        f" nodes {sum(stats.nodes.values())}, edges {edges},"
        f" file {os.path.getsize(path) / 1e6:.0f} MB"
    )
    store.close()


def run(n: int, path: str, reuse: bool) -> None:
    if not (reuse and os.path.exists(path)):
        write_all(n, path)
    t0 = time.perf_counter()
    store = SQLiteStore.open(path)
    store.get_nodes([f"cable:{cable_id(0)}"], FULL_CLEARANCE)
    print(f"re-open and first read: {(time.perf_counter() - t0) * 1000:.1f} ms")
    rng = random.Random(1)
    ids = [f"cable:{cable_id(rng.randrange(n))}" for _ in range(200)]
    c = Clearance(Level.CONFIDENTIAL)
    raw = sqlite3.connect(path)
    nids = [raw.execute("SELECT nid FROM nodes WHERE id = ?", (i,)).fetchone()[0] for i in ids]
    report = {
        "raw indexed neighbour lookup (SQL)": lambda r: raw.execute(
            "SELECT dst FROM edges WHERE src = ? AND kind = 'CITES'", (nids[r],)
        ).fetchall(),
        "get_nodes(cable)": lambda r: store.get_nodes([ids[r]], FULL_CLEARANCE),
        "cable + refs + recipients": lambda r: (
            store.get_nodes([ids[r]], c),
            store.edges([ids[r]], c, Direction.OUT, edge_kinds=[E.CITES, E.SENT_TO]),
        ),
        "edges(cable, BOTH)": lambda r: store.edges([ids[r]], c),
        "reference_chain depth 6 BOTH": lambda r: store.reference_chain(
            ids[r], FULL_CLEARANCE, ChainDirection.BOTH, max_depth=6, limit=500
        ),
        "reference_chain depth 6 CITES": lambda r: store.reference_chain(
            ids[r], FULL_CLEARANCE, ChainDirection.CITES, max_depth=6, limit=500
        ),
        "neighborhood depth 2 limit 500": lambda r: store.neighborhood(
            [ids[r]], c, depth=2, limit=500
        ),
        "shortest_path max 6": lambda r: store.shortest_path(ids[r], ids[-1 - r], FULL_CLEARANCE),
        "search 'japan airlift'": lambda r: store.search("japan airlift", c),
        "search exact id": lambda r: store.search(ids[r].removeprefix("cable:"), c),
        "find_cables text+date page": lambda r: store.find_cables(
            CableFilter(text="airlift", date_from="2009-01-01"), c, first=20
        ),
        "degrees(cable)": lambda r: store.degrees([ids[r]], c),
    }
    for name, fn in report.items():
        runs = 20 if "path" in name or "find" in name else 200
        print(f"  {name:36s} median {median_ms(fn, runs):8.3f} ms")
    t0 = time.perf_counter()
    store.timeline(CableFilter(), c)
    print(f"  {'timeline (all, month)':36s} {(time.perf_counter() - t0) * 1000:8.1f} ms")
    t0 = time.perf_counter()
    store.stats()
    print(f"  {'stats':36s} {(time.perf_counter() - t0) * 1000:8.1f} ms")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cables", type=int, default=20000)
    parser.add_argument("--path", default=None)
    parser.add_argument("--reuse", action="store_true", help="read an existing --path store")
    args = parser.parse_args()
    path = args.path or str(Path(tempfile.mkdtemp()) / "bench.db")
    run(args.cables, path, args.reuse)


if __name__ == "__main__":
    main()
