"""The requests bench_api.py times, with their arguments picked from the store, and
the same operations called on the store directly (for the GraphQL overhead ratio):
for chains and neighbourhoods, the flat reads the API makes (``api.schema.flat``)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from api.schema import flat
from api.schema.cable_pages import page_without_total
from graph.model import FULL_CLEARANCE, EdgeKind, NodeKind
from graph.store import CableFilter, CableOrder, ChainDirection, Direction, StepFilter, Store

CABLE_BY_ID = """query($id: ID!) { cable(id: $id) { id subject date classification
  origin { id name }
  references { totalCount nodes { id label } }
  recipients { totalCount edges { role precedence node { id name } } } } }"""
CABLES_PAGE = """query($where: CableWhere) { cables(where: $where, orderBy: DATE_DESC,
  first: 50) { totalCount nodes { id subject date classification } } }"""
CABLES_PAGE_LEAN = """query($where: CableWhere) { cables(where: $where, orderBy: DATE_DESC,
  first: 50) { pageInfo { hasNextPage } nodes { id subject date classification } } }"""
CHAIN = """query($id: ID!) { referenceChain(id: $id, direction: BOTH, maxDepth: 6) { json } }"""
PATH = """query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 6) { json } }"""
HOOD = """query($ids: [ID!]!) { neighborhood(ids: $ids, depth: 2, limit: 500) { json } }"""
HOOD_LEAN = """query($ids: [ID!]!) { neighborhood(ids: $ids, depth: 2, limit: 500) {
  json(degrees: false) } }"""

Variables = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Case:
    """One timed request: a name, its GraphQL query, the variables of each call, and
    the direct store call doing the same work (None: not compared)."""

    name: str
    query: str
    variables: list[Variables]
    direct: Callable[[Variables], object] | None = None


def sample_cables(store: Store, count: int, rng: random.Random) -> list[str]:
    """``count`` loaded cable ids spread over the whole store."""
    total = store.find_cables(CableFilter(), FULL_CLEARANCE, first=0).total
    ids: list[str] = []
    while len(ids) < count:
        offset = rng.randrange(max(total - 20, 1))
        page = store.find_cables(CableFilter(), FULL_CLEARANCE, first=20, offset=offset)
        ids += [n.id for n in page.nodes]
    return ids[:count]


def deepest_chains(store: Store, ids: list[str], keep: int) -> list[str]:
    """The ``keep`` cables among ``ids`` with the largest depth-6 reference chains."""
    sizes = {
        i: len(store.reference_chain(i, FULL_CLEARANCE, ChainDirection.BOTH, 6).nodes) for i in ids
    }
    return sorted(ids, key=lambda i: -sizes[i])[:keep]


def busiest(store: Store, kind: NodeKind, keep: int) -> list[str]:
    """The ``keep`` nodes of ``kind`` with the highest degree (neighbourhood starts)."""
    ids = [n.id for n in store.iter_nodes([kind])]
    degrees: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        degrees.update(store.degrees(ids[start : start + 500], FULL_CLEARANCE))
    return sorted(ids, key=lambda i: -degrees.get(i, 0))[:keep]


def common_far_ends(
    store: Store, ids: list[str], direction: Direction, kind: EdgeKind, keep: int
) -> list[str]:
    """The ``keep`` nodes most often at the far end of ``kind`` edges of ``ids``
    (e.g. the posts that sent most of a sample of cables)."""
    pages = store.edges(ids, FULL_CLEARANCE, direction, [kind], first=5)
    counts = Counter(node.id for page in pages.values() for node in page.nodes)
    return [node_id for node_id, _ in counts.most_common(keep)]


def direct_cable(store: Store) -> Callable[[Variables], object]:
    """What the cable-by-id query asks of the store, called directly."""

    def run(variables: Variables) -> object:
        node_id = variables["id"]
        node = store.get_nodes([node_id], FULL_CLEARANCE)
        sent = store.edges([node_id], FULL_CLEARANCE, Direction.IN, [EdgeKind.SENT], first=1)
        refs = store.edges([node_id], FULL_CLEARANCE, Direction.OUT, [EdgeKind.CITES], first=20)
        to = store.edges([node_id], FULL_CLEARANCE, Direction.OUT, [EdgeKind.SENT_TO], first=20)
        return node, sent, refs, to

    return run


def build_cases(store: Store, seed: int = 7) -> list[Case]:
    """Every timed case, arguments drawn from ``store`` with a fixed seed."""
    rng = random.Random(seed)
    cables = sample_cables(store, 200, rng)
    chains = deepest_chains(store, cables[:100], 20)
    origins = common_far_ends(store, cables[:100], Direction.IN, EdgeKind.SENT, 5)
    tags = busiest(store, NodeKind.TAG, 10)
    wheres = [{"origin": o, "tag": t} for o in origins for t in tags[:4]]
    pairs = [{"from": a, "to": b} for a, b in zip(cables[:50], cables[50:100], strict=True)]

    def direct_chain(v: Variables) -> object:  # what the API calls (flat rows)
        return flat.reference_chain(store, v["id"], FULL_CLEARANCE, ChainDirection.BOTH, 6, 500)

    def direct_page(v: Variables) -> object:
        where = CableFilter(origin=v["where"]["origin"], tag=v["where"]["tag"])
        return store.find_cables(where, FULL_CLEARANCE, CableOrder.DATE_DESC, first=50)

    def direct_page_lean(v: Variables) -> object:  # what the API calls (no count)
        where = CableFilter(origin=v["where"]["origin"], tag=v["where"]["tag"])
        return page_without_total(store, where, FULL_CLEARANCE, CableOrder.DATE_DESC, 50, 0)

    def direct_path(v: Variables) -> object:
        return store.shortest_path(v["from"], v["to"], FULL_CLEARANCE, 6)

    def direct_hood(v: Variables) -> object:  # what the API calls (flat rows)
        return flat.neighborhood(store, v["ids"], FULL_CLEARANCE, 2, StepFilter(), 500)

    return [
        Case("cable by id (+references, recipients)", CABLE_BY_ID,
             [{"id": i} for i in cables], direct_cable(store)),
        Case("cables page (origin+tag, 50)", CABLES_PAGE, [{"where": w} for w in wheres],
             direct_page),
        Case("cables page (origin+tag, 50, no totalCount)", CABLES_PAGE_LEAN,
             [{"where": w} for w in wheres], direct_page_lean),
        Case("referenceChain depth 6", CHAIN, [{"id": i} for i in chains], direct_chain),
        Case("path (maxLength 6)", PATH, pairs, direct_path),
        Case("neighborhood (500 nodes)", HOOD, [{"ids": [t]} for t in tags], direct_hood),
        Case("neighborhood (500 nodes, json(degrees: false))", HOOD_LEAN,
             [{"ids": [t]} for t in tags], direct_hood),
    ]  # fmt: skip


def time_in_process(store: Store, case: Case, calls: int) -> list[float]:
    """Latencies (ms) of the case through ``schema.execute`` in this process: GraphQL
    without HTTP, with the server's extensions and a per-request context."""
    import asyncio
    import time

    from api.context import build_context
    from api.limits import build_extensions
    from api.schema.build import build_schema
    from api.settings import Settings

    settings = Settings.for_tests(complexity_budget=1_000_000)
    schema = build_schema(build_extensions(settings))

    async def run() -> list[float]:
        times = []
        for n in range(calls + 20):
            context = build_context(store, settings, {}, "127.0.0.1")
            variables = case.variables[n % len(case.variables)]
            start = time.perf_counter()
            result = await schema.execute(case.query, variables, context_value=context)
            if n >= 20:  # the first calls warm the caches
                times.append((time.perf_counter() - start) * 1000)
            if result.errors:
                raise RuntimeError(f"{case.name}: {result.errors}")
        return times

    return asyncio.run(run())
