"""What only the embedded store promises, beyond the contract: one file that re-opens
ready to serve, WAL, a refused foreign schema, and answers that follow writes made
through another connection to the same file."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from graph.model import FULL_CLEARANCE, Level
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from tests.graph.test_store_contract import POST, cable_batch, load_canonical


@pytest.fixture
def path(tmp_path: Path) -> str:
    return str(tmp_path / "embedded.db")


def test_reopen_is_ready_at_once_with_the_same_graph(path: str) -> None:
    store = SQLiteStore.open(path)
    load_canonical(store)
    stats = store.stats()
    store.close()
    start = time.perf_counter()
    again = SQLiteStore.open(path)
    assert again.get_nodes([POST["TOKYO"]], FULL_CLEARANCE)
    assert time.perf_counter() - start < 1.0
    assert again.stats() == stats
    assert again.search("survey", FULL_CLEARANCE)  # the FTS index came back too
    again.close()


def test_file_is_in_wal_mode(path: str) -> None:
    SQLiteStore.open(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_foreign_schema_version_is_refused(path: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="schema version 999"):
        SQLiteStore.open(path)


def test_reads_follow_writes_of_another_connection(path: str) -> None:
    reader = SQLiteStore.open(path)
    writer = SQLiteStore.open(path)
    load_canonical(writer)
    tokyo = POST["TOKYO"]
    before = reader.degrees([tokyo], FULL_CLEARANCE)[tokyo]
    writer.write(cable_batch("cable:08TOKYO77", Level.UNCLASSIFIED, "2008-03-01", "TOKYO"))
    assert reader.degrees([tokyo], FULL_CLEARANCE)[tokyo] == before + 1
    assert reader.get_nodes(["cable:08TOKYO77"], FULL_CLEARANCE)
    reader.close()
    writer.close()
