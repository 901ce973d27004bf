"""Search in the embedded store: exact ids first, then FTS5 matches on names and subject.

A query names a node exactly when it is its id, or normalises to one (``08state68633``
is ``cable:08STATE68633``, ``tokyo`` is ``post:TOKYO``); those come first, then the
full-text hits (every word, each as a prefix) ranked by BM25, names weighing most
(newest first when over ``RANKED_MATCHES`` rows match: BM25 would take seconds).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from graph import sqlite_queries as q
from graph.model import Clearance, Node, NodeKind
from graph.rules import id_candidates
from graph.sqlite_filter import fts_query
from graph.sqlite_rows import clearance_params, to_node


def _order(conn: sqlite3.Connection, query: str) -> str:
    """Rank by BM25 unless the query matches too many rows to rank quickly."""
    cap = q.RANKED_MATCHES + 1
    matches = conn.execute(q.COUNT_MATCHES, {"query": query, "cap": cap}).fetchone()[0]
    return q.SEARCH_RANK if matches <= q.RANKED_MATCHES else q.SEARCH_NEWEST


def search_nodes(
    conn: sqlite3.Connection,
    text: str,
    clearance: Clearance,
    kinds: Sequence[NodeKind] = (),
    first: int = 20,
) -> list[Node]:
    """The visible nodes of ``kinds`` (all when empty) matching ``text``, at most
    ``first``, exact ids first."""
    if first <= 0 or not text.strip():
        return []
    params: dict[str, object] = {
        **clearance_params(clearance),
        "kinds": orjson.dumps([k.value for k in kinds]).decode(),
        "first": first,
    }
    kind_sql = q.KIND_FILTER if kinds else ""
    candidates = id_candidates(text)
    exact_params = {**params, "ids": orjson.dumps(candidates).decode()}
    rows = conn.execute(q.SEARCH_EXACT.format(kinds=kind_sql), exact_params).fetchall()
    rank = {c: i for i, c in enumerate(candidates)}
    hits = sorted((to_node(r) for r in rows), key=lambda n: rank[n.id])
    query = fts_query(text, "names subject", prefix=True)
    if query and len(hits) < first:
        text_params = {**params, "query": query, "first": first + len(hits)}
        sql = q.SEARCH_TEXT.format(kinds=kind_sql, order=_order(conn, query))
        for row in conn.execute(sql, text_params):
            if row[0] not in rank:
                hits.append(to_node(row))
    return hits[:first]
