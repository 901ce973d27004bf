"""Writing a :class:`~graph.model.GraphBatch` into the embedded store, in one transaction.

The merge rules of ``GraphBatch`` live in the upsert statements below, so they hold
whatever order nodes arrive in: a placeholder cable never overwrites a loaded one,
officials' ``titles`` are unioned, ``level``/``level_rel`` keep the minimum except that a
loaded cable keeps its own. Re-writing a batch changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Final

import orjson

from graph.model import Edge, GraphBatch, Node, NodeKind
from graph.rules import check_batch
from graph.sqlite_rows import in_corpus_of, to_node_row
from graph.sqlite_text import read_refs, write_text
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


#: What an upsert of a node whose id is stored does (see the module docstring).
NODE_CONFLICT: Final = f"""
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

UPSERT_NODE: Final = f"""
INSERT INTO nodes(id, kind, label, date, level, level_rel, in_corpus, props)
VALUES (?, ?, ?, ?, ?, ?, ?, ?){NODE_CONFLICT}"""

#: :data:`UPSERT_NODE` with the node number given (NULL for a node already stored).
UPSERT_NODE_NID: Final = f"""
INSERT INTO nodes(nid, id, kind, label, date, level, level_rel, in_corpus, props)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?){NODE_CONFLICT}"""

UPSERT_EDGE: Final = """
INSERT INTO edges(src, kind, dst, props) VALUES (?, ?, ?, ?)
ON CONFLICT(src, kind, dst) DO UPDATE SET props = excluded.props
WHERE edges.props IS NOT excluded.props
"""


def merge_node(old: Node, new: Node) -> Node:
    """Two writes of one node within a batch, merged by the ``GraphBatch`` rules.

    >>> loaded = Node("cable:X", NodeKind.CABLE, "X", {"in_corpus": True}, 1, 1)
    >>> stub = Node("cable:X", NodeKind.CABLE, "X", {"in_corpus": False}, 0, 0)
    >>> merge_node(loaded, stub) is loaded, merge_node(stub, loaded) is loaded
    (True, True)
    >>> a = Node("official:A", NodeKind.OFFICIAL, "A", {"titles": ("Dr",)}, 2, 2)
    >>> b = Node("official:A", NodeKind.OFFICIAL, "A", {"titles": ("Amb",)}, 1, 99)
    >>> merged = merge_node(a, b)
    >>> merged.props["titles"], merged.level, merged.level_rel
    (('Amb', 'Dr'), 1, 2)
    """
    if new.kind is NodeKind.CABLE:
        if in_corpus_of(old) == 1 and in_corpus_of(new) == 0:
            return old
        if in_corpus_of(new) == 1:
            return new
    elif new.kind is not NodeKind.OFFICIAL and _not_lower(old, new):
        return new  # the common case: nothing to merge
    props = new.props
    if new.kind is NodeKind.OFFICIAL:
        titles = {*_titles(old), *_titles(new)}
        props = {**new.props, "titles": tuple(sorted(titles))}
    level, level_rel = min(old.level, new.level), min(old.level_rel, new.level_rel)
    return Node(new.id, new.kind, new.label, props, level, level_rel)


def _not_lower(old: Node, new: Node) -> bool:
    return old.level >= new.level and old.level_rel >= new.level_rel


def _titles(node: Node) -> tuple[str, ...]:
    value = node.props.get("titles")
    return value if isinstance(value, tuple) else ()


def merge_nodes(nodes: Iterable[Node]) -> list[Node]:
    """One node per id, in first-seen order, merged by :func:`merge_node`."""
    merged: dict[str, Node] = {}
    for node in nodes:
        known = merged.get(node.id)
        merged[node.id] = node if known is None else merge_node(known, node)
    return list(merged.values())


def _edge_rows(nids: dict[str, int], edges: Iterable[Edge]) -> list[tuple[object, ...]]:
    """Rows of ``edges`` (:func:`~graph.sqlite_rows.dump_edge_props` inlined: ~40 edges
    a cable pass here, in the one writing process)."""
    dumps = orjson.dumps
    try:
        return [
            (
                nids[e.source],
                e.kind._value_,
                nids[e.target],
                dumps(e.props if type(e.props) is dict else dict(e.props)).decode()
                if e.props
                else None,
            )
            for e in edges
        ]
    except KeyError as exc:
        raise StoreError(f"batch not written: an edge points at unknown node {exc}") from None


def write_batch(conn: sqlite3.Connection, batch: GraphBatch) -> None:
    """Upsert ``batch`` in one transaction; nothing of it stays if any part fails.

    Raises ``ModelError`` for a disallowed node or edge and ``StoreError`` for an edge
    whose endpoint is neither in the batch nor in the store.
    """
    check_batch(batch)
    nodes = merge_nodes(batch.nodes)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(UPSERT_NODE, (to_node_row(n) for n in nodes))
        endpoints = {e.source for e in batch.edges} | {e.target for e in batch.edges}
        refs = read_refs(conn, [*(n.id for n in nodes), *endpoints])
        write_text(conn, nodes, refs)
        rows = _edge_rows({node_id: ref[0] for node_id, ref in refs.items()}, batch.edges)
        conn.executemany(UPSERT_EDGE, rows)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
