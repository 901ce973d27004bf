"""Reads of the embedded store that need a few statements: a page of edges around one
node, the store's counts, and bulk iteration over its own connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any, Final

from graph import sqlite_queries as q
from graph.model import EDGE_PROPS, Edge, EdgeKind, Node, NodeId, NodeKind
from graph.sqlite_rows import to_edge, to_node
from graph.store import EdgePage, StoreStats

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
