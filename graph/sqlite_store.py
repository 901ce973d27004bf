"""The embedded backend of :class:`~graph.store.Store`: one SQLite file (WAL, FTS5).

>>> from graph.model import FULL_CLEARANCE, Node, NodeKind
>>> store = SQLiteStore.open(":memory:")
>>> store.write(GraphBatch(nodes=(Node("post:TOKYO", NodeKind.POST, "TOKYO"),)))
>>> store.get_nodes(["post:TOKYO"], FULL_CLEARANCE)["post:TOKYO"].label
'TOKYO'
>>> store.stats().nodes["Post"]
1
>>> store.close()

Schema in :mod:`graph.sqlite_schema`, writes in :mod:`graph.sqlite_write`, statements
in :mod:`graph.sqlite_queries`, traversals in :mod:`graph.sqlite_traverse`, the flat
reads and bulk iteration in :mod:`graph.sqlite_base`. One connection, serialised by a
lock (the API calls from worker threads); the bulk iterators read through their own
connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import orjson

from graph import sqlite_queries as q
from graph.model import Clearance, Edge, EdgeKind, FlatBatch, GraphBatch, Node, NodeId, NodeKind
from graph.sqlite_base import SQLiteBase
from graph.sqlite_bulk import NO_MMAP, FlatWriter
from graph.sqlite_cache import DegreeCache
from graph.sqlite_filter import ORDER_SQL, cable_base, filter_sql
from graph.sqlite_read import edge_page, read_stats
from graph.sqlite_rows import clearance_params, to_edge, to_node
from graph.sqlite_schema import connect
from graph.sqlite_search import search_nodes
from graph.sqlite_traverse import Nid, bfs, shortest_steps
from graph.sqlite_write import write_batch
from graph.store import (
    Bucket,
    CableFilter,
    CableOrder,
    ChainDirection,
    Direction,
    EdgePage,
    NotFoundError,
    Page,
    StepFilter,
    StoreError,
    StoreStats,
    Subgraph,
    TimelineRow,
    Way,
)

_CHAIN_WAYS = {
    ChainDirection.CITES: (Way.OUT,),
    ChainDirection.CITED_BY: (Way.IN,),
    ChainDirection.BOTH: (Way.OUT, Way.IN),
}


def _json(values: Sequence[object]) -> str:
    return orjson.dumps(list(values)).decode()


class SQLiteStore(SQLiteBase):
    """A graph in one SQLite file. Open with :meth:`open`."""

    def __init__(self, path: str, conn: sqlite3.Connection) -> None:
        super().__init__(path, conn)
        self._writes = 0
        self._degrees = DegreeCache()
        self._flat: FlatWriter | None = None

    @classmethod
    def open(cls, path: str) -> SQLiteStore:
        """Open or create the store file at ``path`` (``:memory:`` for a scratch store)."""
        try:
            return cls(path, connect(path))
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path!r}: {exc}") from exc

    def __repr__(self) -> str:
        return f"SQLiteStore({self._path!r})"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def ping(self) -> bool:
        try:
            with self._lock:
                return bool(self._conn.execute("SELECT 1").fetchone()[0] == 1)
        except sqlite3.Error:
            return False

    # --- writing -----------------------------------------------------------------
    def write(self, batch: GraphBatch) -> None:
        with self._lock:
            self._writes += 1
            self._flat = None  # what the flat writer knows may be stale now
            try:
                write_batch(self._conn, batch)
            except sqlite3.Error as exc:
                raise StoreError(f"batch not written to {self._path!r}: {exc}") from exc

    def write_flat(self, batches: Sequence[FlatBatch]) -> None:
        """Upsert flat batches (ingest's worker output) atomically, by the same merge
        rules as :meth:`write`, without building model objects (see
        :mod:`graph.sqlite_bulk`)."""
        with self._lock:
            self._writes += 1
            if self._flat is None:
                self._conn.execute(NO_MMAP)  # see ``NO_MMAP``
                self._flat = FlatWriter()
            try:
                self._flat.write(self._conn, batches)
            except sqlite3.Error as exc:
                raise StoreError(f"batch not written to {self._path!r}: {exc}") from exc

    def clear(self) -> None:
        with self._lock:
            self._writes += 1
            self._flat = None
            self._conn.execute("BEGIN IMMEDIATE")
            for statement in q.CLEAR:
                self._conn.execute(statement)
            self._conn.execute("COMMIT")

    # --- helpers -------------------------------------------------------------------
    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _nids(self, ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, Nid]:
        params = {"ids": _json(ids), **clearance_params(clearance)}
        return dict(self._rows(q.VISIBLE_NIDS, params))

    def _nid_of(self, node_id: NodeId, clearance: Clearance) -> Nid:
        found = self._nids([node_id], clearance)
        if node_id not in found:
            raise NotFoundError(f"no node {node_id!r} visible to this caller")
        return found[node_id]

    def _light_nodes(self, nids: Sequence[Nid]) -> dict[Nid, Node]:
        rows = self._rows(q.NODES_BY_NID, {"nids": _json(nids)})
        return {row[0]: to_node(row[1:]) for row in rows}

    def _edges_among(self, nodes: dict[Nid, Node], kinds: Sequence[EdgeKind]) -> list[Edge]:
        k_out, k_in, k_rest = q.split_edge_kinds(kinds)
        cables = [nid for nid, node in nodes.items() if node.kind is NodeKind.CABLE]
        others = [nid for nid, node in nodes.items() if node.kind is not NodeKind.CABLE]
        params = {
            "nids": _json(list(nodes)),
            "cables": _json(cables),
            "others": _json(others),
            "k_out": _json(k_out),
            "k_in": _json(k_in),
            "k_rest": _json(k_rest),
        }
        rows = self._rows(q.EDGES_AMONG, params)
        return [to_edge(nodes[s].id, k, nodes[d].id, p) for s, k, d, p in rows]

    def _subgraph(
        self, depth: dict[Nid, int], kinds: Sequence[EdgeKind], truncated: bool
    ) -> Subgraph:
        nodes = self._light_nodes(list(depth))
        order = sorted(nodes, key=lambda nid: (depth[nid], nodes[nid].id))
        return Subgraph(
            nodes=tuple(nodes[nid] for nid in order),
            edges=tuple(self._edges_among(nodes, kinds)),
            depth={nodes[nid].id: depth[nid] for nid in order},
            truncated=truncated,
        )

    # --- reading -----------------------------------------------------------------
    def get_nodes(self, ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, Node]:
        params = {"ids": _json(ids), **clearance_params(clearance)}
        rows = self._rows(q.GET_NODES, params)
        return {r[0]: to_node(r[:6], {"header": r[6], "body": r[7]}) for r in rows}

    def edges(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        direction: Direction = Direction.BOTH,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        first: int = 100,
        offset: int = 0,
    ) -> dict[NodeId, EdgePage]:
        ways = (direction != Direction.IN, direction != Direction.OUT)
        page_sql, count_sql = q.edge_page_sql(ways, bool(edge_kinds), bool(node_kinds))
        params = {
            "ek": _json([k.value for k in edge_kinds]),
            "nk": _json([k.value for k in node_kinds]),
            "first": max(first, 0),
            "offset": max(offset, 0),
            **clearance_params(clearance),
        }
        found = self._nids(node_ids, clearance)
        with self._lock:  # two statements per node: see ``edge_page_sql``
            return {
                node_id: edge_page(
                    self._conn, node_id, {**params, "center": nid}, page_sql, count_sql
                )
                for node_id, nid in found.items()
            }

    def _count_total(self, where: CableFilter, clearance: Clearance) -> int:
        params: dict[str, Any] = clearance_params(clearance)
        where_sql = filter_sql(where, params)
        sql = q.COUNT_CABLES.format(base=cable_base(where_sql), where=where_sql)
        return int(self._rows(sql, params)[0][0])

    def find_cables(
        self,
        where: CableFilter,
        clearance: Clearance,
        order: CableOrder = CableOrder.DATE_ASC,
        first: int = 50,
        offset: int = 0,
    ) -> Page:
        params: dict[str, Any] = clearance_params(clearance)
        where_sql = filter_sql(where, params)
        base = cable_base(where_sql)
        sql = q.FIND_CABLES.format(base=base, where=where_sql, order=ORDER_SQL[order])
        rows = self._rows(sql, {**params, "first": max(first, 0), "offset": max(offset, 0)})
        return Page(tuple(to_node(r) for r in rows), self._count_total(where, clearance))

    def search(
        self, text: str, clearance: Clearance, kinds: Sequence[NodeKind] = (), first: int = 20
    ) -> list[Node]:
        with self._lock:
            return search_nodes(self._conn, text, clearance, kinds, first)

    def reference_chain(
        self,
        cable_id: NodeId,
        clearance: Clearance,
        direction: ChainDirection = ChainDirection.CITES,
        max_depth: int = 3,
        limit: int = 500,
    ) -> Subgraph:
        start = self._nid_of(cable_id, clearance)
        step = StepFilter(ways=_CHAIN_WAYS[direction], edge_kinds=(EdgeKind.CITES,))
        with self._lock:
            params: dict[str, object] = dict(clearance_params(clearance))
            depth, truncated = bfs(self._conn, [start], step, params, max_depth, max(limit, 1))
        return self._subgraph(depth, (EdgeKind.CITES,), truncated)

    def shortest_path(
        self,
        source: NodeId,
        target: NodeId,
        clearance: Clearance,
        max_length: int = 6,
        edge_kinds: Sequence[EdgeKind] = (),
    ) -> Subgraph | None:
        ends = (self._nid_of(source, clearance), self._nid_of(target, clearance))
        step = StepFilter(edge_kinds=tuple(edge_kinds))
        with self._lock:
            params: dict[str, object] = dict(clearance_params(clearance))
            steps = shortest_steps(self._conn, *ends, step, params, max_length)
        if steps is None:
            return None
        order = [ends[0], *(s[2] for s in steps)]
        nodes = self._light_nodes(order)
        with self._lock:
            keys = [(s[3], s[1], s[4]) for s in steps]  # at most max_length lookups
            edges = [to_edge(*self._conn.execute(q.EDGES_BY_KEY, k).fetchone()) for k in keys]
        return Subgraph(
            nodes=tuple(nodes[n] for n in order),
            edges=tuple(edges),
            depth={nodes[n].id: i for i, n in enumerate(order)},
        )

    def neighborhood(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        depth: int = 1,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 500,
    ) -> Subgraph:
        found = self._nids(node_ids, clearance)
        starts = [found[i] for i in dict.fromkeys(node_ids) if i in found]
        step = StepFilter(
            edge_kinds=tuple(edge_kinds),
            node_kinds=tuple(node_kinds),
            date_from=date_from,
            date_to=date_to,
        )
        with self._lock:
            params: dict[str, object] = dict(clearance_params(clearance))
            depths, truncated = bfs(self._conn, starts, step, params, depth, max(limit, 0))
        return self._subgraph(depths, edge_kinds, truncated)

    def timeline(
        self, where: CableFilter, clearance: Clearance, bucket: Bucket = Bucket.MONTH
    ) -> list[TimelineRow]:
        params: dict[str, Any] = dict(clearance_params(clearance))
        where_sql = filter_sql(where, params)
        sql = q.TIMELINE.format(base=cable_base(where_sql), where=where_sql)
        params["width"] = 7 if bucket == Bucket.MONTH else 4
        return [(str(p), int(c)) for p, c in self._rows(sql, params)]

    def degrees(self, node_ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, int]:
        level, noforn = int(clearance.level), int(clearance.noforn)
        with self._lock:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            self._degrees.renew((version, self._writes))
            found, missing = self._degrees.get([(i, level, noforn) for i in node_ids])
            if missing:
                params = {"ids": _json([k[0] for k in missing]), **clearance_params(clearance)}
                counted = dict(self._conn.execute(q.DEGREES, params).fetchall())
                fresh = {k: counted.get(k[0]) for k in missing}
                self._degrees.put(fresh)
                found.update(fresh)
        return {key[0]: int(d) for key, d in found.items() if d is not None}

    def stats(self) -> StoreStats:
        with self._lock:
            return read_stats(self._conn)
