"""Bulk writes for ingest: flat node and edge tuples straight into the embedded store.

:meth:`~graph.sqlite_store.SQLiteStore.write` takes a :class:`~graph.model.GraphBatch`
and must look up every node it names; an ingest writes hundreds of thousands of cables
that name the same few thousand posts, tags and officials again and again. A
:class:`FlatWriter` keeps, for the one writing connection, what it knows of every node
(its ``nid``, kind, ``in_corpus``, levels, last write, searchable names), so that it

- gives new nodes their ``nid`` itself (no read-back), and finds edge ends in memory;
- drops a node write equal to the last one of that id whose levels are no lower (it
  changes nothing: see ``loaders.ingest_flat.RepeatFilter``), and a placeholder write
  over a loaded cable (the merge rules keep the loaded cable whole);
- reads old text only of nodes that existed before the transaction and whose text may
  change (a placeholder filled in, a cable written again), for the FTS5 delete.

Rows still go through the upserts of :mod:`graph.sqlite_write`, so the merge rules hold
exactly. If another connection writes the file (``PRAGMA data_version``), or the ids
this writer assigned do not match the table, what it knows is read again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import orjson

from graph.model import ENDPOINTS, FlatBatch, FlatNode, ModelError
from graph.rules import kind_from_id
from graph.sqlite_bulk_rows import (
    TextColumns,
    WriteKey,
    in_corpus_of,
    light_json,
    text_of,
    write_key,
)
from graph.sqlite_text import FTS_WRITE, OLD_TEXT, TEXT_UPSERT, StoredText, fts_rows
from graph.sqlite_write import UPSERT_EDGE, UPSERT_NODE_NID
from graph.store import StoreError

_CABLE: Final = "Cable"
_ALLOWED: Final = frozenset(
    (edge.value, source.value, target.value)
    for edge, (sources, targets) in ENDPOINTS.items()
    for source in sources
    for target in targets
)
#: A bulk writer reads through SQLite's page cache only: a memory map of the file would
#: add the store's size (GBs) to the process's resident memory.
NO_MMAP: Final = "PRAGMA mmap_size=0"
FTS_CONFIG: Final = "INSERT INTO node_fts(node_fts, rank) VALUES (?, ?)"
#: FTS5 settings for the length of one bulk transaction: its terms are held in memory
#: until the end (``hashsize``, default 1 MiB: a 2000-cable transaction made a dozen
#: segments), then written as one segment, and segments merge only when 16 pile up on
#: a level (``crisismerge``), not after every few flushes (``automerge`` 4). 20k
#: cables: the index costs a third less CPU (5.4 -> 3.6 s). Searches read at most 15
#: segments a level.
FTS_BULK: Final = (("automerge", 0), ("hashsize", 64 << 20))
#: FTS5's own defaults, back in place before each bulk transaction commits (after its
#: terms are written: :data:`FTS_FLUSH`), so any other write merges as usual.
FTS_DEFAULTS: Final = (("automerge", 4), ("hashsize", 1 << 20))
#: FTS5 writes its pending terms out at a savepoint.
FTS_FLUSH: Final = ("SAVEPOINT fts_flush", "RELEASE fts_flush")
KNOWN_NODES: Final = "SELECT id, nid, kind, in_corpus, level, level_rel FROM nodes"


@dataclass(slots=True)
class NodeState:
    """What the writer knows of a stored node. ``key`` is its last write (None: unknown
    or a loaded cable), ``names`` its stored searchable names (None: unknown)."""

    nid: int
    kind: str
    in_corpus: int | None
    level: int
    level_rel: int
    key: WriteKey | None = None
    names: str | None = None


@dataclass(slots=True)
class _Tx:
    """One transaction's rows, collected before they are sent: node rows, the last
    text of each node written, the stored text of nodes that existed before (names
    only, when known; the others are read back)."""

    first_new: int
    nodes: list[tuple[object, ...]] = field(default_factory=list)
    texts: dict[int, StoredText] = field(default_factory=dict)
    old: dict[int, StoredText] = field(default_factory=dict)
    read_back: list[int] = field(default_factory=list)


@dataclass(slots=True)
class FlatWriter:
    """Writes flat batches through one connection, one transaction a call (see the
    module docstring). Create one per connection; after any other write through
    that connection, drop it (the store does)."""

    known: dict[str, NodeState] = field(default_factory=dict)
    #: last props written of edges from a node other than a cable (few and recurring)
    shared_edges: dict[tuple[int, str, int], str | None] = field(default_factory=dict)
    next_nid: int = 1
    version: int | None = None

    def write(self, conn: sqlite3.Connection, batches: Sequence[FlatBatch]) -> None:
        """Upsert the nodes and edges of ``batches`` in one transaction; nothing of them
        stays if any part fails (``ModelError``: a node or edge the model does not
        allow; ``StoreError``: an edge to a node neither written nor stored)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._sync(conn)
            conn.executemany(FTS_CONFIG, FTS_BULK)
            tx = _Tx(self.next_nid)
            for nodes, _ in batches:
                for node in nodes:
                    self._add_node(tx, node)
            edges = self._edge_rows(batches)
            conn.executemany(UPSERT_NODE_NID, tx.nodes)
            self._check_numbers(conn)
            _write_text(conn, tx)
            conn.executemany(UPSERT_EDGE, edges)
            for statement in FTS_FLUSH:
                conn.execute(statement)
            conn.executemany(FTS_CONFIG, FTS_DEFAULTS)
        except BaseException:
            conn.execute("ROLLBACK")
            self.version = None  # read what is stored again
            raise
        conn.execute("COMMIT")
        self.version = conn.execute("PRAGMA data_version").fetchone()[0]

    def _sync(self, conn: sqlite3.Connection) -> None:
        """Read what is stored unless this writer made the last change."""
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if version == self.version:
            return
        self.known = {
            node_id: NodeState(nid, kind, in_corpus, level, level_rel)
            for node_id, nid, kind, in_corpus, level, level_rel in conn.execute(KNOWN_NODES)
        }
        self.shared_edges = {}
        top = conn.execute("SELECT max(nid) FROM nodes").fetchone()[0]
        self.next_nid = (top or 0) + 1
        self.version = version

    def _check_numbers(self, conn: sqlite3.Connection) -> None:
        """Raise unless the node numbers this writer gave match the table's."""
        top = conn.execute("SELECT max(nid) FROM nodes").fetchone()[0]
        if (top or 0) != self.next_nid - 1:
            raise StoreError(
                f"node numbers out of step: stored {top}, expected {self.next_nid - 1}"
            )

    def _add_node(self, tx: _Tx, node: FlatNode) -> None:
        """Queue the row and text of ``node`` unless writing it changes nothing."""
        node_id, kind, label, props, level, level_rel = node
        in_corpus = in_corpus_of(kind, props)
        state = self.known.get(node_id)
        if state is None:
            if kind_from_id(node_id).value != kind:
                raise ModelError(f"node {node_id!r} has kind {kind}, its id names another")
            state = NodeState(self.next_nid, kind, in_corpus, level, level_rel)
            self.known[node_id] = state
            self.next_nid += 1
            row_nid: int | None = state.nid
        elif not self._changes(state, node, in_corpus):
            return
        else:
            row_nid = None
        state.key = write_key(node, in_corpus)
        date = props.get("date") if kind == _CABLE else None
        date = date if isinstance(date, str) else None
        row = (row_nid, node_id, kind, label, date, level, level_rel, in_corpus, light_json(props))
        tx.nodes.append(row)
        self._add_text(tx, state, text_of(label, props))

    def _changes(self, state: NodeState, node: FlatNode, in_corpus: int | None) -> bool:
        """Whether writing ``node`` over ``state`` changes anything; updates the levels."""
        if state.kind != node[1]:
            raise ModelError(f"node {node[0]!r} has kind {node[1]}, stored as {state.kind}")
        level, level_rel = node[4], node[5]
        if in_corpus == 1:
            state.in_corpus, state.level, state.level_rel = 1, level, level_rel
            return True
        if state.in_corpus == 1:
            return False  # a placeholder never overwrites a loaded cable
        not_lower = level >= state.level and level_rel >= state.level_rel
        if not_lower and state.key is not None and state.key == write_key(node, in_corpus):
            return False
        state.level, state.level_rel = min(state.level, level), min(state.level_rel, level_rel)
        return True

    def _add_text(self, tx: _Tx, state: NodeState, text: TextColumns) -> None:
        """Queue the text of a written node; note the stored text it replaces."""
        nid = state.nid
        if nid >= tx.first_new:
            tx.texts[nid] = (nid, *text)
            state.names = text[0] if state.kind != _CABLE else None
            return
        if nid not in tx.texts:  # the first write of a stored node this transaction
            if state.names is not None:
                tx.old[nid] = (nid, state.names, None, None, None, None)
            else:
                tx.read_back.append(nid)
        tx.texts[nid] = (nid, *text)
        state.names = text[0] if state.kind != _CABLE else None

    def _edge_rows(self, batches: Sequence[FlatBatch]) -> list[tuple[object, ...]]:
        """The ``edges`` rows of ``batches`` (ends found in memory, shape checked),
        without repeats of the last write of an edge from a post or tag."""
        known, shared, dumps = self.known, self.shared_edges, orjson.dumps
        rows: list[tuple[object, ...]] = []
        for _, edges in batches:
            for source, kind, target, props in edges:
                src, dst = known.get(source), known.get(target)
                if src is None or dst is None:
                    missing = source if src is None else target
                    raise StoreError(
                        f"batch not written: an edge points at unknown node {missing!r}"
                    )
                if (kind, src.kind, dst.kind) not in _ALLOWED:
                    raise ModelError(f"edge {kind} cannot run from {src.kind} to {dst.kind}")
                stored = dumps(props).decode() if props else None
                if src.kind != _CABLE:
                    key = (src.nid, kind, dst.nid)
                    if key in shared and shared[key] == stored:
                        continue
                    shared[key] = stored
                rows.append((src.nid, kind, dst.nid, stored))
        return rows


def _write_text(conn: sqlite3.Connection, tx: _Tx) -> None:
    """``node_text`` and ``node_fts`` for the texts of ``tx``: a stored row that does
    not change is left alone; a changed one leaves the index before its new text
    enters it (``node_fts`` is an external-content index)."""
    old = tx.old
    if tx.read_back:
        rows = conn.execute(OLD_TEXT, (orjson.dumps(tx.read_back).decode(),)).fetchall()
        old.update((row[0], row) for row in rows)
    changed = [row for nid, row in tx.texts.items() if old.get(nid) != row]
    conn.executemany(TEXT_UPSERT, changed)
    conn.executemany(FTS_WRITE, fts_rows(changed, old))
