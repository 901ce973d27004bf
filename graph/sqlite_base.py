"""The connection of an embedded store, and the reads that bypass the model objects:
flat rows for the API (chains, neighbourhoods, cable pages without a count) and bulk
iteration for export and analysis. :class:`graph.sqlite_store.SQLiteStore` builds on it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from graph import sqlite_queries as q
from graph.model import Clearance, Edge, EdgeKind, Node, NodeId, NodeKind
from graph.sqlite_read import cable_page, flat_chain, flat_neighborhood, iter_rows
from graph.sqlite_rows import to_edge, to_node
from graph.store import CableFilter, CableOrder, ChainDirection, FlatRows, StepFilter


class SQLiteBase:
    """One SQLite connection (``path``, ``:memory:`` for a scratch store), serialised by
    a lock, with the reads that need no model objects."""

    def __init__(self, path: str, conn: sqlite3.Connection) -> None:
        self._path = path
        self._conn = conn
        self._lock = threading.RLock()

    # --- flat reads, for the API (no Node objects; props as the stored JSON) -----------
    def reference_chain_flat(
        self, cable_id: NodeId, clearance: Clearance, direction: ChainDirection,
        max_depth: int, limit: int,
    ) -> FlatRows:  # fmt: skip
        """:meth:`reference_chain` as flat rows (:data:`graph.sqlite_read.FlatRows`)."""
        with self._lock:
            return flat_chain(self._conn, cable_id, clearance, direction, max_depth, limit)

    def neighborhood_flat(
        self, node_ids: Sequence[NodeId], clearance: Clearance, depth: int,
        step: StepFilter, limit: int,
    ) -> FlatRows:  # fmt: skip
        """:meth:`neighborhood` as flat rows; ``step`` holds the kinds and dates."""
        with self._lock:
            return flat_neighborhood(self._conn, node_ids, clearance, depth, step, limit)

    def cable_page(
        self, where: CableFilter, clearance: Clearance, order: CableOrder, first: int,
        offset: int,
    ) -> list[Node]:  # fmt: skip
        """The nodes of a :meth:`find_cables` page, without counting the total."""
        with self._lock:
            return cable_page(self._conn, where, clearance, order, first, offset)

    # --- bulk, for export and analysis ----------------------------------------------
    def _iterate(self, sql: str, values: list[str]) -> Iterator[Any]:
        if self._path == ":memory:":  # one connection only: read it all under the lock
            with self._lock:
                return iter(self._conn.execute(sql, values).fetchall())
        return iter_rows(self._path, sql, values)

    def iter_nodes(
        self, kinds: Sequence[NodeKind] = (), *, with_text: bool = True
    ) -> Iterator[Node]:
        query = q.ITER_NODES if with_text else q.ITER_NODES_LIGHT
        sql, values = q.iter_sql(query, "n", [k.value for k in kinds])
        for r in self._iterate(sql, values):
            yield to_node(r[:6], {"header": r[6], "body": r[7]})

    def iter_edges(self, kinds: Sequence[EdgeKind] = ()) -> Iterator[Edge]:
        sql, values = q.iter_sql(q.ITER_EDGES, "e", [k.value for k in kinds])
        for row in self._iterate(sql, values):
            yield to_edge(*row)
