"""Relationship connections (``cable.references``, ``post.sent``, ...): one generic
``Relations[N]`` type with ``totalCount``, cursors and the edge's own properties.

Every relationship page goes through the request's relation DataLoader, so the
relationships of a whole list of nodes cost one store call per relationship kind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar, cast

import strawberry
from strawberry.scalars import JSON

from api.context import GraphInfo
from api.limits import clamp_first
from api.schema.batching import RelationKey, RelationSpec
from api.schema.enums import EdgeKind
from api.schema.fields import field
from api.schema.pagination import PageInfo, Window, encode_cursor, start_offset
from graph import model as m
from graph.store import EdgePage

N = TypeVar("N")

#: Page size of a relationship when ``first`` is not given.
DEFAULT_FIRST = 20


@strawberry.type(description="One edge of a relationship, with the node at its far end.")
class Relation(Generic[N]):
    node: N
    edge: strawberry.Private[m.Edge]
    offset: strawberry.Private[int]

    # Computed only when asked: a page of 500 relations should not pay for unasked fields.
    @field(description="Where this edge sits in the whole relationship.")
    def cursor(self) -> str:
        return encode_cursor(self.offset)

    @field(description="The kind of the edge.")
    def type(self) -> EdgeKind:
        return EdgeKind(self.edge.kind.value)

    @field(description="All properties of the edge.")
    def props(self) -> JSON:
        return cast("JSON", json_props(self.edge.props))

    @field(description="SENT_TO: action or info.")
    def role(self) -> str | None:
        return optional_text(self.edge.props, "role")

    @field(description="SENT_TO: e.g. IMMEDIATE.")
    def precedence(self) -> str | None:
        return optional_text(self.edge.props, "precedence")

    @field(description="REQUESTS: what the post is asked.")
    def action(self) -> str | None:
        return optional_text(self.edge.props, "action")

    @field(description="REQUESTS: YYYY-MM-DD or as written.")
    def deadline(self) -> str | None:
        return optional_text(self.edge.props, "deadline")

    @field(description="CITES: the REF letter (A, B, ...).")
    def bullet(self) -> str | None:
        return optional_text(self.edge.props, "bullet")

    @field(description="MENTIONS: how often.")
    def count(self) -> int | None:
        value = self.edge.props.get("count")
        return value if isinstance(value, int) else None


@strawberry.type(description="A page of a relationship, with the count over all pages.")
class Relations(Generic[N]):
    total_count: int
    page_info: PageInfo
    edges: list[Relation[N]]

    @field(description="The far-end nodes of `edges`, in the same order.")
    def nodes(self) -> list[N]:
        return [edge.node for edge in self.edges]


def far_end(edge: m.Edge, node_id: m.NodeId) -> m.NodeId:
    """The id at the other end of ``edge`` seen from ``node_id``.

    >>> far_end(m.Edge("post:STATE", m.EdgeKind.SENT, "cable:X"), "cable:X")
    'post:STATE'
    """
    return edge.target if edge.source == node_id else edge.source


def optional_text(props: m.Props, key: str) -> str | None:
    """A string property, None when absent or not a string.

    >>> optional_text({"role": "action", "count": 3}, "role"), optional_text({}, "role")
    ('action', None)
    """
    value = props.get(key)
    return value if isinstance(value, str) else None


def json_props(props: m.Props) -> dict[str, object]:
    """Properties as JSON values (tuples become lists).

    >>> json_props({"titles": ("A/S",), "count": 2})
    {'titles': ['A/S'], 'count': 2}
    """
    return {k: list(v) if isinstance(v, tuple) else v for k, v in props.items()}


def build_relations(
    page: EdgePage, node_id: m.NodeId, offset: int, wrap: Callable[[m.Node], N]
) -> Relations[N]:
    """The GraphQL page of a store ``EdgePage`` (edges whose far end is missing are left out)."""
    far = {node.id: node for node in page.nodes}
    pairs = [(e, far[far_end(e, node_id)]) for e in page.edges if far_end(e, node_id) in far]
    window = Window(offset=offset, count=len(pairs), total=page.total)
    edges = [
        Relation(node=wrap(node), edge=edge, offset=offset + i)
        for i, (edge, node) in enumerate(pairs)
    ]
    return Relations(total_count=page.total, page_info=window.page_info(), edges=edges)


async def load_relations(
    info: GraphInfo,
    node_id: m.NodeId,
    spec: RelationSpec,
    paging: tuple[int | None, str | None],
    wrap: Callable[[m.Node], N],
) -> Relations[N]:
    """One page of one relationship of ``node_id``, through the request's DataLoader
    (``paging`` is ``first`` and ``after``; ``first`` null means the default 20)."""
    first, after = paging
    offset = start_offset(after)
    size = clamp_first(DEFAULT_FIRST if first is None else first, info.context.settings)
    page = await info.context.loaders.relations.load(RelationKey(node_id, spec, size, offset))
    return build_relations(page, node_id, offset, wrap)
