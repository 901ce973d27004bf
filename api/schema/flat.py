"""Flat subgraphs: chains and neighbourhoods as plain rows, and the explorer's payload.

The embedded store (a :class:`~graph.store.FlatReader`) answers ``referenceChain`` and
``neighborhood`` with rows straight from SQL (:func:`graph.sqlite_read.flat_chain`): no
``Node`` objects, props kept as the stored JSON text and put in the payload as it is
(an ``orjson.Fragment``, written out by the app's orjson encoder). Parsing 500 nodes'
props into dicts and dumping them again was most of the CPU of a 500-node answer. Any
other store (Neo4j) answers through the
``Store`` protocol and :func:`from_model`; both give the same payload.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from graph import model as m
from graph import store
from graph.store import EdgeRow, FlatReader, NodeRow, StepFilter

#: Node properties too large for a graph payload.
HEAVY_PROPS = frozenset({"header", "body", "summary"})

_EMPTY = orjson.Fragment(b"{}")


@dataclass(frozen=True, slots=True)
class FlatSubgraph:
    """Nodes (ordered by depth, then id), the edges among them, and whether a limit cut
    the answer; see :data:`~graph.store.NodeRow` for the columns."""

    nodes: Sequence[NodeRow]
    edges: Sequence[EdgeRow]
    truncated: bool = False


def flat_node(node: m.Node, depth: int | None) -> NodeRow:
    """The flat row of a model node.

    >>> flat_node(m.Node("cable:X", m.NodeKind.CABLE, "X", {"in_corpus": False}), 1)
    ('cable:X', 'Cable', 'X', None, 0, 1, '{"in_corpus":false}')
    """
    props = node.props
    if node.kind is m.NodeKind.CABLE:
        date = props.get("date")
        light = {k: v for k, v in props.items() if k not in HEAVY_PROPS}
        loaded = int(props.get("in_corpus") is not False)
        text = orjson.dumps(light).decode()
        return (node.id, "Cable", node.label, date if isinstance(date, str) else None, loaded,
                depth, text)  # fmt: skip
    return (node.id, node.kind.value, node.label, None, None, depth, orjson.dumps(props).decode())


def edge_id(source: str, kind: str, target: str) -> str:
    """A stable id of an edge (edges are unique by source, kind and target).

    >>> edge_id("post:STATE", "SENT", "cable:08STATE68633")
    'post:STATE-SENT->cable:08STATE68633'
    """
    return f"{source}-{kind}->{target}"


def edge_props(edge: m.Edge) -> str | None:
    """An edge's props as JSON text, None when it has none.

    >>> edge_props(m.Edge("cable:A", m.EdgeKind.CITES, "cable:B", {"bullet": "A"}))
    '{"bullet":"A"}'
    """
    return orjson.dumps(dict(edge.props)).decode() if edge.props else None


def from_model(sub: store.Subgraph) -> FlatSubgraph:
    """A store's ``Subgraph`` as a flat one (nodes in the store's order).

    >>> sub = store.Subgraph((m.Node("post:STATE", m.NodeKind.POST, "STATE"),), ())
    >>> from_model(sub).nodes
    [('post:STATE', 'Post', 'STATE', None, None, None, '{}')]
    """
    nodes = [flat_node(n, sub.depth.get(n.id)) for n in sub.nodes]
    edges = [(e.source, e.kind.value, e.target, edge_props(e)) for e in sub.edges]
    return FlatSubgraph(nodes, edges, sub.truncated)


def payload(sub: FlatSubgraph, degrees: dict[m.NodeId, int] | None) -> dict[str, Any]:
    """The explorer's payload ``{"nodes": [...], "edges": [...], "truncated": bool}``
    (node degrees null when ``degrees`` is None); props are JSON fragments.

    >>> sub = FlatSubgraph([("post:STATE", "Post", "STATE", None, None, 0, '{"key":"STATE"}')],
    ...                    [("post:STATE", "LOCATED_IN", "country:US", None)])
    >>> text = orjson.dumps(payload(sub, {"post:STATE": 4}))
    >>> orjson.loads(text)  # doctest: +NORMALIZE_WHITESPACE
    {'nodes': [{'id': 'post:STATE', 'kind': 'Post', 'label': 'STATE', 'date': None,
                'inCorpus': None, 'depth': 0, 'degree': 4, 'props': {'key': 'STATE'}}],
     'edges': [{'id': 'post:STATE-LOCATED_IN->country:US', 'source': 'post:STATE',
                'target': 'country:US', 'type': 'LOCATED_IN', 'props': {}}],
     'truncated': False}
    """
    degree = (degrees or {}).get
    nodes = [
        {
            "id": i,
            "kind": kind,
            "label": label,
            "date": date,
            "inCorpus": None if loaded is None else bool(loaded),
            "depth": depth,
            "degree": None if degrees is None else degree(i, 0),
            "props": orjson.Fragment(props),
        }
        for i, kind, label, date, loaded, depth, props in sub.nodes
    ]
    edges = [
        {
            "id": edge_id(source, kind, target),
            "source": source,
            "target": target,
            "type": kind,
            "props": _EMPTY if props is None else orjson.Fragment(props),
        }
        for source, kind, target, props in sub.edges
    ]
    return {"nodes": nodes, "edges": edges, "truncated": sub.truncated}


def reference_chain(
    graph: store.Store,
    cable_id: m.NodeId,
    clearance: m.Clearance,
    direction: store.ChainDirection,
    max_depth: int,
    limit: int,
) -> FlatSubgraph:
    """``Store.reference_chain``, flat (straight from SQL on the embedded store)."""
    if not isinstance(graph, FlatReader):
        return from_model(graph.reference_chain(cable_id, clearance, direction, max_depth, limit))
    return FlatSubgraph(
        *graph.reference_chain_flat(cable_id, clearance, direction, max_depth, limit)
    )


def neighborhood(
    graph: store.Store,
    node_ids: Sequence[m.NodeId],
    clearance: m.Clearance,
    depth: int,
    step: StepFilter,
    limit: int,
) -> FlatSubgraph:
    """``Store.neighborhood``, flat (straight from SQL on the embedded store); ``step``
    holds the edge kinds, node kinds and dates."""
    if not isinstance(graph, FlatReader):
        sub = graph.neighborhood(node_ids, clearance, depth, step.edge_kinds, step.node_kinds,
                                 step.date_from, step.date_to, limit)  # fmt: skip
        return from_model(sub)
    return FlatSubgraph(*graph.neighborhood_flat(node_ids, clearance, depth, step, limit))
