"""The flat ``Subgraph`` payload of chains, paths and neighbourhoods.

``Subgraph.json`` is the fast path the explorer uses: the whole payload as one JSON
scalar, built with plain dicts (strawberry resolving 500 typed nodes and 2,000 typed
edges costs ~36 ms; one scalar ~0.5 ms) from a :class:`~api.schema.flat.FlatSubgraph`.
``nodes``/``edges`` give the same data typed. Node ``props`` in the JSON leave out
``header``, ``body`` and ``summary`` (ask ``node(id)``).
"""

from __future__ import annotations

from typing import cast

import strawberry
from strawberry.scalars import JSON

from api.context import GraphInfo, in_thread
from api.schema.enums import EdgeKind, NodeKind
from api.schema.fields import field
from api.schema.flat import FlatSubgraph, edge_id, from_model, payload
from graph import model as m
from graph import store


def node_date(node: m.Node) -> str | None:
    """A cable's date (None for other kinds)."""
    value = node.props.get("date")
    return value if node.kind == m.NodeKind.CABLE and isinstance(value, str) else None


@strawberry.type(description="A node of a subgraph.")
class GraphNode:
    id: strawberry.ID
    kind: NodeKind
    label: str
    date: str | None
    in_corpus: bool | None
    depth: int | None


@strawberry.type(description="An edge of a subgraph.")
class GraphEdge:
    id: strawberry.ID
    source: strawberry.ID
    target: strawberry.ID
    type: EdgeKind


@strawberry.type(description="A flat set of nodes and edges (chains, paths, neighbourhoods).")
class Subgraph:
    flat: strawberry.Private[FlatSubgraph]

    @classmethod
    def from_model(cls, sub: store.Subgraph) -> Subgraph:
        return cls(flat=from_model(sub))

    @field(description="True when a limit cut the answer.")
    def truncated(self) -> bool:
        return self.flat.truncated

    @strawberry.field
    def nodes(self) -> list[GraphNode]:
        return [
            GraphNode(
                id=strawberry.ID(i),
                kind=NodeKind(kind),
                label=label,
                date=date,
                in_corpus=None if loaded is None else bool(loaded),
                depth=depth,
            )
            for i, kind, label, date, loaded, depth, _ in self.flat.nodes
        ]

    @strawberry.field
    def edges(self) -> list[GraphEdge]:
        return [
            GraphEdge(
                id=strawberry.ID(edge_id(source, kind, target)),
                source=strawberry.ID(source),
                target=strawberry.ID(target),
                type=EdgeKind(kind),
            )
            for source, kind, target, _ in self.flat.edges
        ]

    @field(description="The whole payload as one JSON value (the fast path); `degrees: false`"
           " leaves node degrees null and saves a store call.")  # fmt: skip
    async def json(self, info: GraphInfo, degrees: bool = True) -> JSON:
        if not degrees:
            return cast("JSON", payload(self.flat, None))
        ctx = info.context
        ids = [n[0] for n in self.flat.nodes]
        # One store call, not a DataLoader: 500 futures cost more than the (cached) count.
        found = await in_thread(ctx.store.degrees, ids, ctx.clearance)
        return cast("JSON", payload(self.flat, found))
