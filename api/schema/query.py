"""The root ``Query``: thin resolvers calling the store with the caller's clearance."""

from __future__ import annotations

from typing import Annotated, TypeVar

import strawberry

from api.context import GraphInfo, in_thread
from api.limits import check_traversal, clamp_first
from api.schema import enums, flat
from api.schema.cable_pages import page_without_total, selects_total
from api.schema.enums import Bucket, CableOrder, ChainDirection, EdgeKind, NodeKind
from api.schema.fields import field
from api.schema.inputs import CableWhere, as_node_id, to_cable_filter
from api.schema.nodes import Cable, Node, wrap
from api.schema.pagination import start_offset
from api.schema.results import CableConnection, SearchHit, Stats, TimelineBucket
from api.schema.subgraph import Subgraph
from graph import model as m
from graph.model import FULL_CLEARANCE
from graph.store import CableFilter, StepFilter

T = TypeVar("T")


def or_default(value: T | None, default: T) -> T:
    """An optional argument's value, or its default when the client sent null.

    >>> or_default(None, 20), or_default(5, 20)
    (20, 5)
    """
    return default if value is None else value


def cable_node_id(value: str) -> m.NodeId:
    """A cable node id from ``cable:08STATE68633`` or the bare ``08STATE68633``.

    >>> cable_node_id("08STATE68633"), cable_node_id("cable:08STATE68633")
    ('cable:08STATE68633', 'cable:08STATE68633')
    """
    node_id = as_node_id(m.NodeKind.CABLE, value)
    assert node_id is not None
    return node_id


@strawberry.type(description="Read the cable graph.")
class Query:
    @field(description="A cable by node id or bare reference id (null: none).")
    async def cable(self, info: GraphInfo, id: strawberry.ID) -> Cable | None:
        node = await info.context.loaders.nodes.load(cable_node_id(id))
        return Cable.from_model(node) if node and node.kind == m.NodeKind.CABLE else None

    @field(description="Any node by its id (null: none, or not visible).")
    async def node(self, info: GraphInfo, id: strawberry.ID) -> Node | None:
        node = await info.context.loaders.nodes.load(id)
        return wrap(node) if node else None

    @field(description="Loaded cables matching `where`, a page at a time.")
    async def cables(
        self,
        info: GraphInfo,
        where: CableWhere | None = None,
        order_by: CableOrder | None = CableOrder.DATE_ASC,
        first: int | None = 20,
        after: str | None = None,
    ) -> CableConnection:
        ctx, offset = info.context, start_offset(after)
        order = enums.to_cable_order(or_default(order_by, CableOrder.DATE_ASC))
        size = clamp_first(or_default(first, 20), ctx.settings)
        where_filter = to_cable_filter(where)
        if selects_total(info):
            page = await in_thread(
                ctx.store.find_cables, where_filter, ctx.clearance, order, size, offset
            )
            return CableConnection.from_model(page, offset)
        nodes, more = await in_thread(
            page_without_total, ctx.store, where_filter, ctx.clearance, order, size, offset
        )
        return CableConnection.from_nodes(nodes, offset, more)

    @field(description="Nodes of any kind whose id, label, subject or name match.")
    async def search(
        self,
        info: GraphInfo,
        text: str,
        kinds: list[NodeKind] | None = None,
        first: int | None = 20,
    ) -> list[SearchHit]:
        ctx = info.context
        size = clamp_first(or_default(first, 20), ctx.settings)
        kind_list = enums.to_node_kinds(kinds)
        found = await in_thread(ctx.store.search, text, ctx.clearance, kind_list, size)
        return [SearchHit.from_model(node) for node in found]

    @field(description="Cables and documents reachable over CITES: `limit` nodes, nearest first.")
    async def reference_chain(
        self,
        info: GraphInfo,
        id: strawberry.ID,
        direction: ChainDirection | None = ChainDirection.BOTH,
        max_depth: int | None = 3,
        limit: int | None = 500,
    ) -> Subgraph:
        ctx, depth, limit = info.context, or_default(max_depth, 3), or_default(limit, 500)
        check_traversal(depth, limit, ctx.settings, depth_arg="maxDepth")
        chain_direction = enums.to_chain_direction(or_default(direction, ChainDirection.BOTH))
        sub = await in_thread(
            flat.reference_chain,
            ctx.store,
            cable_node_id(id),
            ctx.clearance,
            chain_direction,
            depth,
            limit,
        )
        return Subgraph(flat=sub)

    @field(description="One shortest path between two nodes (null: none).")
    async def path(
        self,
        info: GraphInfo,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_length: int | None = 6,
        edge_types: list[EdgeKind] | None = None,
    ) -> Subgraph | None:
        ctx, length = info.context, or_default(max_length, 6)
        check_traversal(length, 1, ctx.settings, depth_arg="maxLength")
        kinds = enums.to_edge_kinds(edge_types)
        sub = await in_thread(ctx.store.shortest_path, from_, to, ctx.clearance, length, kinds)
        return Subgraph.from_model(sub) if sub is not None else None

    @field(description="Nodes within `depth` hops of `ids`, and the edges among them.")
    async def neighborhood(
        self,
        info: GraphInfo,
        ids: list[strawberry.ID],
        depth: int | None = 1,
        edge_types: list[EdgeKind] | None = None,
        node_kinds: list[NodeKind] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = 200,
    ) -> Subgraph:
        ctx, hops, size = info.context, or_default(depth, 1), or_default(limit, 200)
        check_traversal(hops, size, ctx.settings)
        step = StepFilter(
            edge_kinds=enums.to_edge_kinds(edge_types),
            node_kinds=enums.to_node_kinds(node_kinds),
            date_from=date_from,
            date_to=date_to,
        )
        sub = await in_thread(
            flat.neighborhood, ctx.store, list(ids), ctx.clearance, hops, step, size
        )
        return Subgraph(flat=sub)

    @field(description="Cable counts per month or year.")
    async def timeline(
        self,
        info: GraphInfo,
        where: CableWhere | None = None,
        bucket: Bucket | None = Bucket.MONTH,
    ) -> list[TimelineBucket]:
        ctx, size = info.context, enums.to_bucket(or_default(bucket, Bucket.MONTH))
        rows = await in_thread(ctx.store.timeline, to_cable_filter(where), ctx.clearance, size)
        return [TimelineBucket(period=period, count=count) for period, count in rows]

    @field(description="Counts: visible cables; store-wide counts for full clearance.")
    async def stats(self, info: GraphInfo) -> Stats:
        ctx = info.context
        page = await in_thread(ctx.store.find_cables, CableFilter(), ctx.clearance, first=0)
        full = ctx.clearance == FULL_CLEARANCE
        stats = await in_thread(ctx.store.stats) if full else None
        return Stats.from_model(page.total, stats)
