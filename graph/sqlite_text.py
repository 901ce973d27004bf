"""Keeping ``node_text`` and its FTS5 index ``node_fts`` in step with a written batch.

``node_fts`` is an external-content index: removing a row's terms needs the row's old
values. So a batch reads the old text of its nodes once, works out in Python which rows
win and changed (a placeholder never replaces a loaded cable's text; an unchanged row
is left alone, so re-ingest costs no index work) and sends two ``executemany``:
``node_text`` upserts, then the index's deletes and inserts in one ordered stream
(:func:`fts_rows`). (A per-row trigger made FTS5 flush per row: five times slower.)
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
TEXT_UPSERT: Final = (
    "INSERT OR REPLACE INTO node_text(nid, names, subject, summary, body, header)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
#: An index row in (first column NULL) or out (``'delete'``, with the old values).
FTS_WRITE: Final = (
    "INSERT INTO node_fts(node_fts, rowid, names, subject, summary, body) VALUES (?, ?, ?, ?, ?, ?)"
)
#: A :data:`FTS_WRITE` row: command (None or ``'delete'``), nid, names, subject,
#: summary, body.
FtsRow = tuple[str | None, int, str | None, str | None, str | None, str | None]


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


def fts_rows(rows: Sequence[StoredText], old: Mapping[int, StoredText]) -> list[FtsRow]:
    """The :data:`FTS_WRITE` rows that index ``rows`` (new text) in place of ``old``
    (stored text), by ascending nid, each old row out just before its new one in.

    FTS5 holds a transaction's terms in memory, but writes them out as a new index
    segment whenever a row's number is lower than the last one, or equal after an
    insert: in this order one segment takes them all.

    >>> new = [(9, "B", None, None, None, "h"), (4, "A", "s", None, None, None)]
    >>> for row in fts_rows(new, {4: (4, "a", None, None, None, None)}):
    ...     print(row)
    ('delete', 4, 'a', None, None, None)
    (None, 4, 'A', 's', None, None)
    (None, 9, 'B', None, None, None)
    """
    out: list[FtsRow] = []
    for row in sorted(rows):
        before = old.get(row[0])
        if before is not None:
            out.append(("delete", *before[:5]))
        out.append((None, *row[:5]))
    return out


def write_text(conn: sqlite3.Connection, nodes: Sequence[Node], refs: NodeRefs) -> None:
    """Update ``node_text`` and ``node_fts`` for ``nodes`` (already upserted)."""
    nids = [refs[n.id][0] for n in nodes]
    old_rows = conn.execute(OLD_TEXT, (orjson.dumps(nids).decode(),)).fetchall()
    old: dict[int, StoredText] = {row[0]: row for row in old_rows}
    rows = changed_text(nodes, refs, old)
    conn.executemany(TEXT_UPSERT, rows)
    conn.executemany(FTS_WRITE, fts_rows(rows, old))
