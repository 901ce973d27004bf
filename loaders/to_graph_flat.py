"""Flat batches and the model: :func:`inflate` makes the :class:`~graph.model.GraphBatch`
of the flat tuples :class:`~loaders.to_graph_build.FlatBuilder` collects (ingest sends
those between processes: they pickle several times faster), :func:`flatten` the reverse.
"""

from __future__ import annotations

from typing import Final

from graph.model import Edge, EdgeKind, FlatBatch, FlatNode, GraphBatch, Node, NodeKind
from loaders.to_graph_build import titles_of

NODE_KINDS: Final = {kind.value: kind for kind in NodeKind}
EDGE_KINDS: Final = {kind.value: kind for kind in EdgeKind}
OFFICIAL: Final = NodeKind.OFFICIAL.value


def inflate(flat: FlatBatch) -> GraphBatch:
    """The :class:`GraphBatch` of flat nodes and edges.

    >>> inflate(([("tag:PREL", "Tag", "PREL", {}, 0, 0)], [])).nodes[0].kind
    <NodeKind.TAG: 'Tag'>
    """
    nodes, edges = flat
    kinds, edge_kinds = NODE_KINDS, EDGE_KINDS
    return GraphBatch(
        tuple(Node(i, kinds[k], label, props, lv, rel) for i, k, label, props, lv, rel in nodes),
        tuple(Edge(s, edge_kinds[k], t, props) for s, k, t, props in edges),
    )


def flatten(batch: GraphBatch) -> FlatBatch:
    """The flat form of a :class:`GraphBatch` (the inverse of :func:`inflate`).

    >>> batch = inflate(([("tag:PREL", "Tag", "PREL", {"code": "PREL"}, 0, 0)],
    ...                  [("cable:X", "TAGGED", "tag:PREL", {})]))
    >>> inflate(flatten(batch)) == batch
    True
    """
    nodes = [
        (n.id, n.kind.value, n.label, dict(n.props), n.level, n.level_rel) for n in batch.nodes
    ]
    edges = [(e.source, e.kind.value, e.target, dict(e.props)) for e in batch.edges]
    return nodes, edges


def is_titled_official(node: FlatNode) -> bool:
    """True for an official with several titles: writing it twice sorts its titles, so
    a repeated write of it is not a no-op.

    >>> is_titled_official(("official:A", "Official", "A", {"titles": ("Dr", "Amb")}, 0, 0))
    True
    """
    return node[1] == OFFICIAL and len(titles_of(node[3])) > 1
