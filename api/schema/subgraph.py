"""The flat ``Subgraph`` payload of chains, paths and neighbourhoods.

``Subgraph.json`` is the fast path the explorer uses: the whole payload as one JSON
scalar, built with plain dicts (strawberry resolving 500 typed nodes and 2,000 typed
edges costs ~36 ms; one scalar ~0.5 ms). ``nodes``/``edges`` give the same data typed.
Node ``props`` in the JSON leave out ``header``, ``body`` and ``summary`` (ask ``node(id)``).
"""

from __future__ import annotations

from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from api.context import GraphInfo, in_thread
from api.schema.enums import EdgeKind, NodeKind
from api.schema.fields import field
from graph import model as m
from graph import store

#: Node properties too large for a graph payload.
HEAVY_PROPS = frozenset({"header", "body", "summary"})


def edge_id(edge: m.Edge) -> str:
    """A stable id of an edge (edges are unique by source, kind and target).

    >>> edge_id(m.Edge("post:STATE", m.EdgeKind.SENT, "cable:08STATE68633"))
    'post:STATE-SENT->cable:08STATE68633'
    """
    return f"{edge.source}-{edge.kind.value}->{edge.target}"


def node_date(node: m.Node) -> str | None:
    """A cable's date (None for other kinds)."""
    value = node.props.get("date")
    return value if node.kind == m.NodeKind.CABLE and isinstance(value, str) else None


def node_in_corpus(node: m.Node) -> bool | None:
    """For cables, whether it is loaded (not a placeholder); None for other kinds."""
    return node.props.get("in_corpus") is not False if node.kind == m.NodeKind.CABLE else None


#: Kind names by kind (a dict look-up: ``Enum.value`` is a property, slow in a loop).
_KIND_NAMES: dict[m.NodeKind | m.EdgeKind, str] = {
    **{kind: kind.value for kind in m.NodeKind},
    **{kind: kind.value for kind in m.EdgeKind},
}


def node_json(node: m.Node, depth: int | None, degree: int | None) -> dict[str, Any]:
    """One node of the JSON payload.

    >>> node_json(m.Node("cable:X", m.NodeKind.CABLE, "X", {"in_corpus": False}), 1, 3)
    {'id': 'cable:X', 'kind': 'Cable', 'label': 'X', 'date': None, 'inCorpus': False, \
'depth': 1, 'degree': 3, 'props': {'in_corpus': False}}
    """
    props = node.props
    if node.kind is m.NodeKind.CABLE:
        date = props.get("date")
        date = date if isinstance(date, str) else None
        in_corpus: bool | None = props.get("in_corpus") is not False
        props = {k: v for k, v in props.items() if k not in HEAVY_PROPS}  # tuples: orjson
    else:
        date = in_corpus = None
        props = dict(props)
    return {
        "id": node.id,
        "kind": _KIND_NAMES[node.kind],
        "label": node.label,
        "date": date,
        "inCorpus": in_corpus,
        "depth": depth,
        "degree": degree,
        "props": props,
    }


def edge_json(edge: m.Edge) -> dict[str, Any]:
    """One edge of the JSON payload.

    >>> edge_json(m.Edge("post:STATE", m.EdgeKind.SENT, "cable:X"))["id"]
    'post:STATE-SENT->cable:X'
    """
    kind = _KIND_NAMES[edge.kind]
    return {
        "id": f"{edge.source}-{kind}->{edge.target}",
        "source": edge.source,
        "target": edge.target,
        "type": kind,
        "props": dict(edge.props),
    }


def subgraph_json(sub: store.Subgraph, degrees: dict[m.NodeId, int] | None) -> dict[str, Any]:
    """The explorer's payload: ``{"nodes": [...], "edges": [...], "truncated": bool}``
    (node degrees null when ``degrees`` is None).

    >>> sub = store.Subgraph((m.Node("post:STATE", m.NodeKind.POST, "STATE"),), ())
    >>> subgraph_json(sub, {})["nodes"][0]["degree"], subgraph_json(sub, None)["truncated"]
    (0, False)
    """
    depth = sub.depth.get
    if degrees is None:
        nodes = [node_json(n, depth(n.id), None) for n in sub.nodes]
    else:
        degree = degrees.get
        nodes = [node_json(n, depth(n.id), degree(n.id, 0)) for n in sub.nodes]
    return {"nodes": nodes, "edges": [edge_json(e) for e in sub.edges], "truncated": sub.truncated}


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
    model: strawberry.Private[store.Subgraph]

    @classmethod
    def from_model(cls, sub: store.Subgraph) -> Subgraph:
        return cls(model=sub)

    @field(description="True when a limit cut the answer.")
    def truncated(self) -> bool:
        return self.model.truncated

    @strawberry.field
    def nodes(self) -> list[GraphNode]:
        return [
            GraphNode(
                id=strawberry.ID(n.id),
                kind=NodeKind(n.kind.value),
                label=n.label,
                date=node_date(n),
                in_corpus=node_in_corpus(n),
                depth=self.model.depth.get(n.id),
            )
            for n in self.model.nodes
        ]

    @strawberry.field
    def edges(self) -> list[GraphEdge]:
        return [
            GraphEdge(
                id=strawberry.ID(edge_id(e)),
                source=strawberry.ID(e.source),
                target=strawberry.ID(e.target),
                type=EdgeKind(e.kind.value),
            )
            for e in self.model.edges
        ]

    @field(description="The whole payload as one JSON value (the fast path); `degrees: false`"
           " leaves node degrees null and saves a store call.")  # fmt: skip
    async def json(self, info: GraphInfo, degrees: bool = True) -> JSON:
        if not degrees:
            return cast("JSON", subgraph_json(self.model, None))
        ctx = info.context
        ids = [n.id for n in self.model.nodes]
        # One store call, not a DataLoader: 500 futures cost more than the (cached) count.
        found = await in_thread(ctx.store.degrees, ids, ctx.clearance)
        return cast("JSON", subgraph_json(self.model, found))
