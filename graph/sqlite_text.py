"""Keeping ``node_text`` and its FTS5 index ``node_fts`` in step with a written batch.

``node_fts`` is an external-content index: removing a row's terms needs the row's old
values. So a batch reads the old text of its nodes once, works out in Python which rows
win and changed (a placeholder never replaces a loaded cable's text; an unchanged row
is left alone, so re-ingest costs no index work) and sends three ``executemany``: FTS
deletes, ``node_text`` upserts, FTS inserts. (A per-row trigger made FTS5 flush per row:
five times slower.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Final

import orjson

from graph.model import Node
from graph.sqlite_rows import TextRow, in_corpus_of, to_text_row

#: node id -> (nid, stored in_corpus)
NodeRefs = Mapping[str, tuple[int, int | None]]
#: nid, names, subject, summary, body, header
StoredText = tuple[int, str | None, str | None, str | None, str | None, str | None]

NODE_REFS: Final = (
    "SELECT id, nid, in_corpus FROM nodes WHERE id IN (SELECT value FROM json_each(?))"
)
OLD_TEXT: Final = (
    "SELECT nid, names, subject, summary, body, header FROM node_text"
    " WHERE nid IN (SELECT value FROM json_each(?))"
)
FTS_DELETE: Final = (
    "INSERT INTO node_fts(node_fts, rowid, names, subject, summary, body)"
    " VALUES ('delete', ?, ?, ?, ?, ?)"
)
TEXT_UPSERT: Final = (
    "INSERT OR REPLACE INTO node_text(nid, names, subject, summary, body, header)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
FTS_INSERT: Final = (
    "INSERT INTO node_fts(rowid, names, subject, summary, body) VALUES (?, ?, ?, ?, ?)"
)


def read_refs(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, tuple[int, int | None]]:
    """Node number and stored ``in_corpus`` of each stored id among ``ids``."""
    rows = conn.execute(NODE_REFS, (orjson.dumps(list(ids)).decode(),))
    return {node_id: (nid, in_corpus) for node_id, nid, in_corpus in rows}


def changed_text(
    nodes: Sequence[Node], refs: NodeRefs, old: Mapping[int, StoredText]
) -> list[StoredText]:
    """The text rows ``nodes`` write: winners only, and only where they differ.

    >>> from graph.model import NodeKind
    >>> stub = Node("cable:X", NodeKind.CABLE, "X", {"in_corpus": False})
    >>> changed_text([stub], {"cable:X": (7, 1)}, {})  # the stored cable is loaded
    []
    >>> changed_text([stub], {"cable:X": (7, 0)}, {})
    [(7, 'X', None, None, None, None)]
    >>> changed_text([stub], {"cable:X": (7, 0)}, {7: (7, 'X', None, None, None, None)})
    []
    """
    rows: list[StoredText] = []
    for node in nodes:
        nid, stored_in_corpus = refs[node.id]
        if stored_in_corpus == 1 and in_corpus_of(node) == 0:
            continue
        text: TextRow = to_text_row(node)
        row: StoredText = (nid, *text[:5])
        if old.get(nid) != row:
            rows.append(row)
    return rows


def write_text(conn: sqlite3.Connection, nodes: Sequence[Node], refs: NodeRefs) -> None:
    """Update ``node_text`` and ``node_fts`` for ``nodes`` (already upserted)."""
    nids = [refs[n.id][0] for n in nodes]
    old_rows = conn.execute(OLD_TEXT, (orjson.dumps(nids).decode(),)).fetchall()
    old: dict[int, StoredText] = {row[0]: row for row in old_rows}
    rows = changed_text(nodes, refs, old)
    conn.executemany(FTS_DELETE, (old[r[0]][:5] for r in rows if r[0] in old))
    conn.executemany(TEXT_UPSERT, rows)
    conn.executemany(FTS_INSERT, (r[:5] for r in rows))
