"""Writing a :class:`~graph.model.GraphBatch` into the embedded store, in one transaction.

The merge rules of ``GraphBatch`` live in the upsert statements below, so they hold
whatever order nodes arrive in: a placeholder cable never overwrites a loaded one,
officials' ``titles`` are unioned, ``level``/``level_rel`` keep the minimum except that a
loaded cable keeps its own. Re-writing a batch changes nothing.
"""

from __future__ import annotations

import sqlite3  # noqa: TID251 (pyproject globs miss graph/sqlite_*.py)
from collections.abc import Iterable, Iterator
from typing import Final

from graph.model import Edge, GraphBatch, ModelError, Node, NodeKind, check_endpoints
from graph.sqlite_rows import dump_edge_props, in_corpus_of, to_node_row, to_text_row
from graph.store import StoreError

#: True when the stored row is a loaded cable and the incoming one a placeholder.
_KEEP: Final = "(nodes.in_corpus = 1 AND excluded.in_corpus = 0)"

_TITLES_UNION: Final = """json_set(excluded.props, '$.titles', json((
    SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(nodes.props, '$.titles')
        UNION SELECT value FROM json_each(excluded.props, '$.titles')
        ORDER BY 1))))"""


def _level_sql(column: str) -> str:
    return (
        f"CASE WHEN excluded.in_corpus = 1 THEN excluded.{column} "
        f"WHEN nodes.in_corpus = 1 THEN nodes.{column} "
        f"ELSE min(nodes.{column}, excluded.{column}) END"
    )


UPSERT_NODE: Final = f"""
INSERT INTO nodes(id, kind, label, date, level, level_rel, in_corpus, props)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
    label = CASE WHEN {_KEEP} THEN nodes.label ELSE excluded.label END,
    date = CASE WHEN {_KEEP} THEN nodes.date ELSE excluded.date END,
    in_corpus = CASE WHEN {_KEEP} THEN 1 ELSE excluded.in_corpus END,
    level = {_level_sql("level")},
    level_rel = {_level_sql("level_rel")},
    props = CASE WHEN {_KEEP} THEN nodes.props
                 WHEN excluded.kind = 'Official' THEN {_TITLES_UNION}
                 ELSE excluded.props END
"""

UPSERT_TEXT: Final = """
INSERT INTO node_text(nid, names, subject, summary, body, header)
SELECT nid, ?, ?, ?, ?, ? FROM nodes WHERE id = ? AND NOT (in_corpus IS 1 AND ? IS 0)
ON CONFLICT(nid) DO UPDATE SET
    names = excluded.names, subject = excluded.subject, summary = excluded.summary,
    body = excluded.body, header = excluded.header
WHERE node_text.names IS NOT excluded.names OR node_text.subject IS NOT excluded.subject
   OR node_text.summary IS NOT excluded.summary OR node_text.body IS NOT excluded.body
   OR node_text.header IS NOT excluded.header
"""

UPSERT_EDGE: Final = """
INSERT INTO edges(src, kind, dst, props)
VALUES ((SELECT nid FROM nodes WHERE id = ?), ?, (SELECT nid FROM nodes WHERE id = ?), ?)
ON CONFLICT(src, kind, dst) DO UPDATE SET props = excluded.props
WHERE edges.props IS NOT excluded.props
"""

_SLUGS: Final = {kind.value.lower(): kind for kind in NodeKind}


def kind_from_id(node_id: str) -> NodeKind:
    """The kind an id names (fast path of ``graph.model.kind_of_id``).

    >>> kind_from_id("post:TOKYO")
    <NodeKind.POST: 'Post'>
    >>> kind_from_id("TOKYO")
    Traceback (most recent call last):
    ...
    graph.model.ModelError: not a node id: 'TOKYO'
    """
    kind = _SLUGS.get(node_id.partition(":")[0])
    if kind is None or ":" not in node_id:
        raise ModelError(f"not a node id: {node_id!r}")
    return kind


def check_batch(batch: GraphBatch) -> None:
    """Raise ``ModelError`` for a node whose id names another kind, or an edge the model
    does not allow between the kinds its ids name."""
    for node in batch.nodes:
        if kind_from_id(node.id) is not node.kind:
            raise ModelError(f"node {node.id!r} has kind {node.kind}, its id names another")
    for edge in batch.edges:
        check_endpoints(edge.kind, kind_from_id(edge.source), kind_from_id(edge.target))


def _text_rows(nodes: Iterable[Node]) -> Iterator[tuple[object, ...]]:
    for node in nodes:
        yield (*to_text_row(node), in_corpus_of(node))


def _edge_rows(edges: Iterable[Edge]) -> Iterator[tuple[str, str, str, str | None]]:
    for edge in edges:
        yield (edge.source, edge.kind.value, edge.target, dump_edge_props(edge))


def _missing_endpoints(conn: sqlite3.Connection, edges: Iterable[Edge]) -> list[str]:
    ids = sorted({e.source for e in edges} | {e.target for e in edges})
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id FROM nodes WHERE id IN ({marks})", chunk)
        found.update(r[0] for r in rows)
    return [i for i in ids if i not in found]


def write_batch(conn: sqlite3.Connection, batch: GraphBatch) -> None:
    """Upsert ``batch`` in one transaction; nothing of it stays if any part fails.

    Raises ``ModelError`` for a disallowed node or edge and ``StoreError`` for an edge
    whose endpoint is neither in the batch nor in the store.
    """
    check_batch(batch)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(UPSERT_NODE, (to_node_row(n) for n in batch.nodes))
        conn.executemany(UPSERT_TEXT, _text_rows(batch.nodes))
        conn.executemany(UPSERT_EDGE, _edge_rows(batch.edges))
    except sqlite3.IntegrityError as exc:
        missing = _missing_endpoints(conn, batch.edges)
        conn.execute("ROLLBACK")
        reason = f"edges point at unknown nodes {missing[:5]}" if missing else str(exc)
        raise StoreError(f"batch not written: {reason}") from exc
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
