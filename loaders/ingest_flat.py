"""Flat batches on their way from the parser workers to the writer.

A worker maps each cable to a :data:`FlatBatch` (plain tuples pickle several times
faster than the model's frozen dataclasses) and drops the writes that cannot change
the store (:class:`RepeatFilter`); the writer merges ``batch_size`` cables of them into
one :class:`~graph.model.GraphBatch`, dropping repeats again across units.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final, Protocol, runtime_checkable

from graph.model import FlatBatch, FlatEdge, FlatNode, GraphBatch, NodeKind
from loaders.to_graph_build import EdgeKey
from loaders.to_graph_flat import flatten, inflate, is_titled_official

_OFFICIAL: Final = NodeKind.OFFICIAL.value

__all__ = [
    "FlatBatch",
    "FlatEdge",
    "FlatNode",
    "FlatSink",
    "RepeatFilter",
    "flatten_batch",
    "merge_flat",
]


@runtime_checkable
class FlatSink(Protocol):
    """A store that takes flat batches as they are (the embedded store does): ingest
    then skips building a :class:`~graph.model.GraphBatch` per transaction. The same
    merge rules as ``Store.write`` apply; one call is one transaction."""

    def write_flat(self, batches: Sequence[FlatBatch]) -> None: ...


def flatten_batch(batch: GraphBatch) -> FlatBatch:
    """A batch as plain tuples, for the trip from a worker to the writer.

    >>> from graph.model import Edge, EdgeKind, Node, NodeKind
    >>> batch = GraphBatch((Node("tag:PREL", NodeKind.TAG, "PREL", {"code": "PREL"}),),
    ...                    (Edge("cable:X", EdgeKind.TAGGED, "tag:PREL"),))
    >>> flatten_batch(batch)
    ([('tag:PREL', 'Tag', 'PREL', {'code': 'PREL'}, 0, 0)], [('cable:X', 'TAGGED', 'tag:PREL', {})])
    >>> merge_flat([flatten_batch(batch)]) == batch
    True
    """
    return flatten(batch)


@dataclass(slots=True)
class RepeatFilter:
    """Drops writes that cannot change what the store ends up with.

    A node's stored state is the label and props of its last write with the minimum
    levels of all its writes (a loaded cable's own levels), an edge's the props of its
    last write. So a node write equal to the last one sent for its id, with levels no
    lower than those already sent, changes nothing, and neither does an edge write
    equal to the last one sent. (An official with several titles is always sent: a
    merge sorts its titles.) Use one filter per sequence of writes that reaches the
    store in order and whole: a unit, or one transaction. The posts, countries and tags
    every cable names then cross the process boundary once or twice per unit.

    >>> repeats = RepeatFilter()
    >>> post = ("post:TOKYO", "Post", "TOKYO", {}, 1, 1)
    >>> repeats.drop(([post], [("post:TOKYO", "LOCATED_IN", "country:JA", {})]))
    ([('post:TOKYO', 'Post', 'TOKYO', {}, 1, 1)], [('post:TOKYO', 'LOCATED_IN', 'country:JA', {})])
    >>> repeats.drop(([post], [("post:TOKYO", "LOCATED_IN", "country:JA", {})]))
    ([], [])
    >>> repeats.drop(([("post:TOKYO", "Post", "TOKYO", {}, 2, 2)], []))
    ([], [])
    >>> repeats.drop(([("post:TOKYO", "Post", "TOKYO", {}, 0, 2)], []))[0][0][4:]
    (0, 2)
    """

    nodes: dict[str, FlatNode] = field(default_factory=dict)
    edges: dict[EdgeKey, FlatEdge] = field(default_factory=dict)

    def drop(self, flat: FlatBatch) -> FlatBatch:
        """``flat`` without the writes that change nothing after those already sent.

        The mapping shares the tuples of recurring nodes and edges between cables,
        and one entity's label and props between its levels (see
        :mod:`loaders.to_graph_build`): a repeat is mostly found by identity.
        """
        last_nodes = self.nodes
        nodes: list[FlatNode] = []
        for node in flat[0]:
            sent = last_nodes.get(node[0])
            if sent is None:
                last_nodes[node[0]] = node
                nodes.append(node)
            elif (node[1] == _OFFICIAL or not _is_repeat(node, sent)) and self._keeps(node, sent):
                nodes.append(node)
        last_edges = self.edges
        edges: list[FlatEdge] = []
        for edge in flat[1]:
            key = edge[:3]
            last = last_edges.get(key)
            if last is not edge and last != edge:
                last_edges[key] = edge
                edges.append(edge)
        return nodes, edges

    def _keeps(self, node: FlatNode, sent: FlatNode) -> bool:
        if node[:4] != sent[:4] or is_titled_official(node):
            self.nodes[node[0]] = node  # a loaded cable's levels are its own: no minimum
            return True
        if node[4] >= sent[4] and node[5] >= sent[5]:
            return False
        self.nodes[node[0]] = (*node[:4], min(node[4], sent[4]), min(node[5], sent[5]))
        return True


def _is_repeat(node: FlatNode, sent: FlatNode) -> bool:
    """True when ``node`` is ``sent`` again, or the same label and props objects at
    levels no lower (a write that changes nothing; not for officials, see
    :class:`RepeatFilter`)."""
    return node is sent or (
        node[3] is sent[3]
        and node[2] is sent[2]
        and node[1] == sent[1]
        and node[4] >= sent[4]
        and node[5] >= sent[5]
    )


def merge_flat(batches: Sequence[FlatBatch]) -> GraphBatch:
    """One :class:`GraphBatch` of every node and edge of flat ``batches``, in order,
    repeated writes dropped (see :class:`RepeatFilter`)."""
    repeats = RepeatFilter()
    nodes: list[FlatNode] = []
    edges: list[FlatEdge] = []
    for flat in batches:
        kept_nodes, kept_edges = repeats.drop(flat)
        nodes.extend(kept_nodes)
        edges.extend(kept_edges)
    return inflate((nodes, edges))
