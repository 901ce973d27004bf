"""The embedded store's schema: one SQLite file, WAL, FTS5.

Tables:

- ``nodes``: one row per node, an integer ``nid`` (the rowid every edge points at), the
  text ``id``, ``kind``, ``label``, ``date`` (cables), ``level``/``level_rel`` and
  ``in_corpus`` (1 loaded cable, 0 placeholder, NULL other kinds) as columns, the other
  properties as orjson JSON, without the heavy ``header``/``body``;
- ``node_text``: the searchable and heavy text of a node (names, subject, summary,
  body, header), the external content of the FTS5 index ``node_fts``, kept in step by
  ``write`` with set statements (not per-row triggers: FTS5 flushes per statement);
- ``edges``: ``(src, kind, dst)`` unique, ``WITHOUT ROWID`` so the primary key is the
  out-index, and ``edges_in`` the in-index.

Opening never rebuilds anything: ``CREATE ... IF NOT EXISTS`` only.
"""

from __future__ import annotations

import sqlite3
from typing import Final

SCHEMA_VERSION: Final = 3

PRAGMAS: Final = (
    "PRAGMA page_size=8192",
    "PRAGMA journal_mode=WAL",
    "PRAGMA wal_autocheckpoint=8192",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=OFF",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-262144",
    "PRAGMA mmap_size=1073741824",
    "PRAGMA busy_timeout=30000",
)

DDL: Final = """
CREATE TABLE IF NOT EXISTS nodes (
    nid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT,
    level INTEGER NOT NULL,
    level_rel INTEGER NOT NULL,
    in_corpus INTEGER,
    props TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_kind_date ON nodes(kind, in_corpus, date, level, level_rel);
CREATE TABLE IF NOT EXISTS edges (
    src INTEGER NOT NULL,
    kind TEXT NOT NULL,
    dst INTEGER NOT NULL,
    props TEXT,
    PRIMARY KEY (src, kind, dst)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_in ON edges(dst, kind, src);
CREATE TABLE IF NOT EXISTS node_text (
    nid INTEGER PRIMARY KEY,
    names TEXT,
    subject TEXT,
    summary TEXT,
    body TEXT,
    header TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS node_fts USING fts5(
    names, subject, summary, body,
    content='node_text', content_rowid='nid', tokenize='unicode61', detail='column'
);
"""


def connect(path: str) -> sqlite3.Connection:
    """Open (creating if needed) a store file: pragmas set, schema present.

    The connection is in autocommit mode; writers open their own transactions.

    >>> conn = connect(":memory:")
    >>> conn.execute("SELECT count(*) FROM nodes").fetchone()
    (0,)
    """
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version not in (0, SCHEMA_VERSION):
        conn.close()
        raise sqlite3.DatabaseError(
            f"store {path!r} has schema version {version}, expected {SCHEMA_VERSION}"
        )
    if version == 0:
        conn.executescript(f"BEGIN; {DDL} PRAGMA user_version={SCHEMA_VERSION}; COMMIT;")
    return conn
