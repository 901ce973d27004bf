"""Result types of the root fields: cable pages, search hits, timeline buckets, stats."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from api.schema.enums import NodeKind
from api.schema.fields import field
from api.schema.nodes import Cable
from api.schema.pagination import PageInfo, Window
from api.schema.subgraph import node_date
from graph import model as m
from graph import store


@strawberry.type(description="A cable in a list, with its cursor.")
class CableEdge:
    cursor: str
    node: Cable


@strawberry.type(description="A page of cables, with the count over all pages.")
class CableConnection:
    total_count: int
    page_info: PageInfo
    edges: list[CableEdge]

    @field(description="The cables of `edges`, in the same order.")
    def nodes(self) -> list[Cable]:
        return [edge.node for edge in self.edges]

    @classmethod
    def from_model(cls, page: store.Page, offset: int) -> CableConnection:
        window = Window(offset=offset, count=len(page.nodes), total=page.total)
        edges = [
            CableEdge(cursor=cursor, node=Cable.from_model(node))
            for cursor, node in zip(window.cursors(), page.nodes, strict=True)
        ]
        return cls(total_count=page.total, page_info=window.page_info(), edges=edges)

    @classmethod
    def from_nodes(cls, nodes: Sequence[m.Node], offset: int, more: bool) -> CableConnection:
        """A page read without its count (``totalCount`` not selected): the total is
        known only to be past the page (``more``) or at its end, which is all
        ``pageInfo`` needs; ``total_count`` holds that lower bound, never shown."""
        total = offset + len(nodes) + int(more)
        return cls.from_model(store.Page(tuple(nodes), total), offset)


@strawberry.type(description="A node matching a search.")
class SearchHit:
    id: strawberry.ID
    kind: NodeKind
    label: str
    date: str | None

    @classmethod
    def from_model(cls, node: m.Node) -> SearchHit:
        kind = NodeKind(node.kind.value)
        return cls(id=strawberry.ID(node.id), kind=kind, label=node.label, date=node_date(node))


@strawberry.type(description="Cables counted in one month (YYYY-MM) or year (YYYY).")
class TimelineBucket:
    period: str
    count: int


@strawberry.type(description="How many nodes or edges of one kind.")
class KindCount:
    kind: str
    count: int


@strawberry.type(description="Counts over the graph.")
class Stats:
    visible_cables: int = strawberry.field(description="Loaded cables the caller may see.")
    cables_in_corpus: int | None = strawberry.field(
        description="All loaded cables (null unless the caller's clearance is full)."
    )
    placeholders: int | None = strawberry.field(
        description="Cited cables not loaded (null unless the caller's clearance is full)."
    )
    nodes: list[KindCount] | None = strawberry.field(description="Nodes by kind (full only).")
    edges: list[KindCount] | None = strawberry.field(description="Edges by kind (full only).")

    @classmethod
    def from_model(cls, visible: int, stats: store.StoreStats | None) -> Stats:
        """``stats`` is None for a caller without full clearance: only its own count."""
        if stats is None:
            return cls(
                visible_cables=visible,
                cables_in_corpus=None,
                placeholders=None,
                nodes=None,
                edges=None,
            )
        return cls(
            visible_cables=visible,
            cables_in_corpus=stats.cables_in_corpus,
            placeholders=stats.placeholders,
            nodes=[KindCount(kind=k, count=v) for k, v in sorted(stats.nodes.items())],
            edges=[KindCount(kind=k, count=v) for k, v in sorted(stats.edges.items())],
        )


@strawberry.type(description="A document that could not be ingested, and why.")
class DocumentError:
    source: str
    reason: str


@strawberry.type(description="What an `ingest` mutation stored.")
class IngestReport:
    documents: int
    cables: int = strawberry.field(description="Cables parsed and written.")
    cable_ids: list[str]
    nodes: int = strawberry.field(description="Nodes written (including merges).")
    edges: int = strawberry.field(description="Edges written (including merges).")
    failed: int
    errors: list[DocumentError]
