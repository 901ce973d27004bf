"""Per-request DataLoaders: every node, degree and relationship lookup of one request
is batched into one store call per kind of lookup and tick of the event loop.

So a list of 500 cables asking for their recipients and their tags costs two
``Store.edges`` calls, not a thousand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from graph.model import Clearance, EdgeKind, Node, NodeId, NodeKind
from graph.store import Direction, EdgePage, Store

EMPTY_PAGE = EdgePage(edges=(), nodes=(), total=0)


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """One relationship of a node type: which edges, which way, to which kinds."""

    direction: Direction
    edge_kinds: tuple[EdgeKind, ...]
    node_kinds: tuple[NodeKind, ...] = ()


@dataclass(frozen=True, slots=True)
class RelationKey:
    """One page of one relationship of one node."""

    node_id: NodeId
    spec: RelationSpec
    first: int
    offset: int


@dataclass(frozen=True, slots=True)
class Loaders:
    """The DataLoaders of one request, all bound to the caller's clearance."""

    nodes: DataLoader[NodeId, Node | None]
    degrees: DataLoader[NodeId, int]
    relations: DataLoader[RelationKey, EdgePage]


def make_loaders(store: Store, clearance: Clearance) -> Loaders:
    """Fresh loaders for one request (their caches must not outlive it)."""

    async def load_nodes(ids: Sequence[NodeId]) -> list[Node | None]:
        found = store.get_nodes(ids, clearance)
        return [found.get(node_id) for node_id in ids]

    async def load_degrees(ids: Sequence[NodeId]) -> list[int]:
        found = store.degrees(ids, clearance)
        return [found.get(node_id, 0) for node_id in ids]

    async def load_relations(keys: Sequence[RelationKey]) -> list[EdgePage]:
        return fetch_relations(store, clearance, keys)

    return Loaders(
        nodes=DataLoader(load_fn=load_nodes),
        degrees=DataLoader(load_fn=load_degrees),
        relations=DataLoader(load_fn=load_relations),
    )


def group_relation_keys(
    keys: Sequence[RelationKey],
) -> dict[tuple[RelationSpec, int, int], list[NodeId]]:
    """Keys grouped by everything but the node: each group is one store call.

    >>> spec = RelationSpec(Direction.OUT, (EdgeKind.TAGGED,))
    >>> keys = [RelationKey("cable:A", spec, 20, 0), RelationKey("cable:B", spec, 20, 0),
    ...         RelationKey("cable:A", spec, 20, 20)]
    >>> [(first, offset, ids) for (_, first, offset), ids in group_relation_keys(keys).items()]
    [(20, 0, ['cable:A', 'cable:B']), (20, 20, ['cable:A'])]
    """
    groups: dict[tuple[RelationSpec, int, int], list[NodeId]] = defaultdict(list)
    for key in keys:
        group = groups[(key.spec, key.first, key.offset)]
        if key.node_id not in group:
            group.append(key.node_id)
    return dict(groups)


def fetch_relations(
    store: Store, clearance: Clearance, keys: Sequence[RelationKey]
) -> list[EdgePage]:
    """One ``Store.edges`` call per group of keys; the pages in the order of ``keys``."""
    pages: dict[RelationKey, EdgePage] = {}
    for (spec, first, offset), ids in group_relation_keys(keys).items():
        found = store.edges(
            ids,
            clearance,
            direction=spec.direction,
            edge_kinds=spec.edge_kinds,
            node_kinds=spec.node_kinds,
            first=first,
            offset=offset,
        )
        for node_id in ids:
            pages[RelationKey(node_id, spec, first, offset)] = found.get(node_id, EMPTY_PAGE)
    return [pages[key] for key in keys]
