"""Limits benchmark: what the limit extensions cost per request, and what the parse and
validation caches save, measured in-process (``schema.execute``) on the real schema over
an embedded store.

For three requests — ``{ __typename }``, cable-by-id with references and recipients, and
a depth-2 neighbourhood of 500 nodes as JSON — it times the median of ``--calls`` runs
under three extension sets: none, the limits without caches, and ``build_extensions``
(limits + ParserCache + ValidationCache, what the app runs). It also times the cost walk
(``api.complexity.check_operation``) alone.

    .venv/bin/python benchmarks/bench_limits.py [--store PATH] [--calls 300]
        [--out benchmarks/out/bench_limits.json]

Without --store it builds an embedded store of ../shared/corpus into benchmarks/out/.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graphql import parse
from strawberry.extensions import SchemaExtension

from api.complexity import argument_limits, check_operation
from api.context import build_context
from api.limits import build_extensions
from api.schema.build import build_schema
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from graph.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = "08STATE68633"

REQUESTS: dict[str, tuple[str, dict[str, Any]]] = {
    "typename": ("{ __typename }", {}),
    "cable_by_id": (
        """query($id: ID!) { cable(id: $id) { id subject date classification
          origin { id name } references { totalCount nodes { id label } }
          recipients { totalCount edges { role precedence node { id name } } } } }""",
        {"id": SEED},
    ),
    "neighborhood_500": (
        "query($ids: [ID!]!) { neighborhood(ids: $ids, depth: 2, limit: 500) { json } }",
        {"ids": ["post:STATE"]},
    ),
}
Factories = list[Callable[[], SchemaExtension]]


def corpus_store() -> Path:
    """An embedded store of ../shared/corpus, built once into benchmarks/out/ (and
    rebuilt when the store's schema has changed since)."""
    from loaders.ingest import ingest_paths

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "bench_limits_corpus.db"
    try:
        store = SQLiteStore.open(str(path))
    except StoreError:
        for stale in OUT.glob("bench_limits_corpus.db*"):
            stale.unlink()
        store = SQLiteStore.open(str(path))
    try:
        if store.stats().cables_in_corpus == 0:
            ingest_paths(store, [CORPUS])
    finally:
        store.close()
    return path


def extension_sets(settings: Settings) -> dict[str, Factories]:
    """none / limits without the caches / everything the app runs."""
    full = build_extensions(settings)
    caches = {"ParserCache", "ValidationCache"}
    limits_only = [f for f in full if type(f()).__name__ not in caches]
    return {"none": [], "limits_no_cache": limits_only, "app": full}


def time_requests(
    store: Store, settings: Settings, sets: dict[str, Factories], calls: int
) -> dict[str, dict[str, float]]:
    """Median milliseconds of each request under each extension set; the sets take
    turns call by call, so machine noise falls on all of them alike."""
    schemas = {label: build_schema(factories) for label, factories in sets.items()}
    samples: dict[str, dict[str, list[float]]] = {
        label: {name: [] for name in REQUESTS} for label in sets
    }
    loop = asyncio.new_event_loop()
    try:
        for _ in range(calls):
            for label, schema in schemas.items():
                for name, (query, variables) in REQUESTS.items():
                    context = build_context(store, settings, {}, "127.0.0.1")
                    start = time.perf_counter()
                    execute = schema.execute(query, variables, context_value=context)
                    result = loop.run_until_complete(execute)
                    samples[label][name].append((time.perf_counter() - start) * 1000)
                    assert not result.errors, result.errors
    finally:
        loop.close()
    return {
        label: {name: round(statistics.median(v), 3) for name, v in by_name.items()}
        for label, by_name in samples.items()
    }


def time_cost_walk(settings: Settings, calls: int) -> dict[str, float]:
    """Median microseconds of the argument and complexity check of each request."""
    schema = build_schema(())._schema
    limits = argument_limits(settings.limits)
    medians: dict[str, float] = {}
    for name, (query, variables) in REQUESTS.items():
        document = parse(query)
        samples = []
        for _ in range(calls):
            start = time.perf_counter()
            check_operation(schema, document, None, variables, limits, 10**9)
            samples.append((time.perf_counter() - start) * 1e6)
        medians[name] = round(statistics.median(samples), 1)
    return medians


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--out", type=Path, default=OUT / "bench_limits.json")
    args = parser.parse_args(argv)
    settings = Settings()
    store = SQLiteStore.open(str(args.store or corpus_store()))
    try:
        runs = time_requests(store, settings, extension_sets(settings), args.calls)
    finally:
        store.close()
    ratios = {
        label: {k: round(v / runs["none"][k], 2) for k, v in medians.items()}
        for label, medians in runs.items()
    }
    report = {
        "median_ms": runs,
        "ratio_to_none": ratios,
        "cost_walk_us": time_cost_walk(settings, args.calls),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
