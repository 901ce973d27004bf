"""Reads of the embedded store that need a few statements: a page of edges around one
node, the store's counts, bulk iteration over its own connection, and the *flat*
subgraphs of chains and neighbourhoods (plain rows, no model objects: building 500
``Node`` objects and parsing their props cost more than the SQL).

``SQLiteStore`` exposes the flat reads as ``reference_chain_flat``,
``neighborhood_flat`` and ``cable_page``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, TypeAlias

import orjson

from graph import sqlite_queries as q
from graph.model import EDGE_PROPS, Clearance, Edge, EdgeKind, Node, NodeId, NodeKind
from graph.sqlite_filter import ORDER_SQL, cable_base, filter_sql
from graph.sqlite_rows import clearance_params, to_edge, to_node
from graph.sqlite_traverse import bfs
from graph.store import (
    CableFilter,
    CableOrder,
    ChainDirection,
    EdgePage,
    EdgeRow,
    FlatRows,
    NodeRow,
    NotFoundError,
    StepFilter,
    StoreStats,
    Way,
)

Nid: TypeAlias = int

CHAIN_WAYS: Final = {
    ChainDirection.CITES: (Way.OUT,),
    ChainDirection.CITED_BY: (Way.IN,),
    ChainDirection.BOTH: (Way.OUT, Way.IN),
}

#: Edge kinds whose edges may carry props (the others are stored with NULL props).
KINDS_WITH_PROPS: Final = frozenset(kind.value for kind, keys in EDGE_PROPS.items() if keys)


def edge_page(
    conn: sqlite3.Connection,
    node_id: NodeId,
    params: dict[str, Any],
    page_sql: str,
    count_sql: str,
) -> EdgePage:
    """One node's page of edges (see ``sqlite_queries.edge_page_sql``), the far node of
    each edge beside it, and the visible total. Out-edges come with their props; an
    in-edge's props are read for the page only, and only for kinds that have props."""
    edges: list[Edge] = []
    nodes: list[Node] = []
    for kind, src, dst, rev, props, *far_row in conn.execute(page_sql, params).fetchall():
        far = to_node(far_row)
        if rev and kind in KINDS_WITH_PROPS:
            props = conn.execute(q.EDGE_PROPS, (src, kind, dst)).fetchone()[0]
        source, target = (far.id, node_id) if rev else (node_id, far.id)
        edges.append(to_edge(source, kind, target, props))
        nodes.append(far)
    total = conn.execute(count_sql, params).fetchone()[0]
    return EdgePage(tuple(edges), tuple(nodes), int(total))


def read_stats(conn: sqlite3.Connection) -> StoreStats:
    """Counts by kind (every kind present, zero included), loaded cables, placeholders."""
    nodes = dict(conn.execute(q.STATS_NODES).fetchall())
    edges = dict(conn.execute(q.STATS_EDGES).fetchall())
    cables = dict(conn.execute(q.STATS_CABLES).fetchall())
    return StoreStats(
        nodes={k.value: int(nodes.get(k.value, 0)) for k in NodeKind},
        edges={k.value: int(edges.get(k.value, 0)) for k in EdgeKind},
        cables_in_corpus=int(cables.get(1, 0)),
        placeholders=int(cables.get(0, 0)),
    )


def iter_rows(path: str, sql: str, values: list[str]) -> Iterator[Any]:
    """Stream rows through a connection of their own (writes may go on meanwhile)."""
    conn = sqlite3.connect(path, check_same_thread=False)
    try:
        yield from conn.execute(sql, values)
    finally:
        conn.close()


def _dumps(values: Iterable[object]) -> str:
    return orjson.dumps(list(values)).decode()


def flat_subgraph(
    conn: sqlite3.Connection, depth: dict[Nid, int], kinds: Sequence[EdgeKind]
) -> tuple[list[NodeRow], list[EdgeRow]]:
    """The nodes of ``depth`` (ordered by depth, then id) and the ``kinds`` edges among
    them (all kinds when empty; ordered by stored source, kind, target), as rows: no
    model objects, props left as stored JSON. Two statements.

    >>> from graph.sqlite_schema import connect
    >>> conn = connect(":memory:")
    >>> flat_subgraph(conn, {}, ())
    ([], [])
    """
    rows = conn.execute(q.FLAT_NODES, {"nids": _dumps(depth)}).fetchall()
    rows.sort(key=lambda r: (depth[r[0]], r[1]))
    ids = {r[0]: r[1] for r in rows}
    nodes: list[NodeRow] = [(r[1], r[2], r[3], r[4], r[5], depth[r[0]], r[6]) for r in rows]
    if not rows:
        return nodes, []
    k_out, k_in, k_rest = q.kinds_among(kinds, {r[2] for r in rows})
    params = {
        "nids": _dumps(ids),
        "cables": _dumps([r[0] for r in rows if r[2] == "Cable"]),
        "others": _dumps([r[0] for r in rows if r[2] != "Cable"]),
        "k_out": _dumps(k_out),
        "k_in": _dumps(k_in),
        "k_rest": _dumps(k_rest),
    }
    found = conn.execute(q.EDGES_AMONG_KNOWN, params).fetchall()
    return nodes, [(ids[s], k, ids[d], p) for s, k, d, p in found]


def visible_nids(
    conn: sqlite3.Connection, ids: Sequence[NodeId], clearance: Clearance
) -> dict[NodeId, Nid]:
    """The node numbers of the visible nodes among ``ids``."""
    params = {"ids": _dumps(ids), **clearance_params(clearance)}
    return dict(conn.execute(q.VISIBLE_NIDS, params).fetchall())


def flat_chain(
    conn: sqlite3.Connection,
    cable_id: NodeId,
    clearance: Clearance,
    direction: ChainDirection,
    max_depth: int,
    limit: int,
) -> FlatRows:
    """``SQLiteStore.reference_chain`` as flat rows (same nodes, edges, order)."""
    found = visible_nids(conn, [cable_id], clearance)
    if cable_id not in found:
        raise NotFoundError(f"no node {cable_id!r} visible to this caller")
    step = StepFilter(ways=CHAIN_WAYS[direction], edge_kinds=(EdgeKind.CITES,))
    params: dict[str, object] = dict(clearance_params(clearance))
    depth, truncated = bfs(conn, [found[cable_id]], step, params, max_depth, max(limit, 1))
    return (*flat_subgraph(conn, depth, (EdgeKind.CITES,)), truncated)


def flat_neighborhood(
    conn: sqlite3.Connection,
    node_ids: Sequence[NodeId],
    clearance: Clearance,
    depth: int,
    step: StepFilter,
    limit: int,
) -> FlatRows:
    """``SQLiteStore.neighborhood`` as flat rows (same nodes, edges, order); ``step``
    carries its edge kinds, node kinds and dates."""
    found = visible_nids(conn, node_ids, clearance)
    starts = [found[i] for i in dict.fromkeys(node_ids) if i in found]
    params: dict[str, object] = dict(clearance_params(clearance))
    depths, truncated = bfs(conn, starts, step, params, depth, max(limit, 0))
    return (*flat_subgraph(conn, depths, step.edge_kinds), truncated)


def cable_page(
    conn: sqlite3.Connection,
    where: CableFilter,
    clearance: Clearance,
    order: CableOrder,
    first: int,
    offset: int,
) -> list[Node]:
    """The page of ``SQLiteStore.find_cables`` without counting every match (the
    count is most of a filtered page's time)."""
    params: dict[str, Any] = dict(clearance_params(clearance))
    where_sql = filter_sql(where, params)
    sql = q.FIND_CABLES.format(base=cable_base(where_sql), where=where_sql, order=ORDER_SQL[order])
    bound = {**params, "first": max(first, 0), "offset": max(offset, 0)}
    return [to_node(row) for row in conn.execute(sql, bound).fetchall()]
