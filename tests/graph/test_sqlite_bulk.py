"""graph.sqlite_bulk: the flat writer's full-text index work, on real cables.

What a flat write must leave: FTS5's own settings in place (its bulk settings last one
transaction only, a failed one included), one new index segment per transaction, and
an index that ranks every search exactly as the plain write path's does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph.model import FULL_CLEARANCE, FlatBatch, NodeKind
from graph.sqlite_bulk import FTS_BULK, FTS_DEFAULTS
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from loaders.ingest_flat import RepeatFilter, merge_flat
from loaders.to_graph import cable_to_flat
from tests.corpus_cables import chunks, first_cables

WORDS = ("embassy", "tokyo", "nuclear", "minister", "iran", "08STATE68633", "japan")
RANKED = (
    "SELECT rowid, bm25(node_fts, 10.0, 4.0, 1.0, 0.5) FROM node_fts"
    " WHERE node_fts MATCH ? ORDER BY 2, 1"
)


@pytest.fixture(scope="module")
def flats(cablegate_dir: Path) -> list[FlatBatch]:
    return [cable_to_flat(cable) for cable in first_cables(cablegate_dir, 300)]


def _config(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT k, v FROM node_fts_config WHERE k != 'version'"))


def _segments(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(DISTINCT segid) FROM node_fts_idx").fetchone()[0])


def _ranked(path: Path) -> dict[str, list[tuple[int, float]]]:
    """Rows and BM25 scores (rounded: the sums may differ in the last bits) of a few
    words and prefixes, after an integrity check of the index against its content."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO node_fts(node_fts, rank) VALUES('integrity-check', 1)")
        queries = [*WORDS, "emb*", "{names subject} : (TOK*)", "{body} : (nuclear iran)"]
        return {
            query: [(rowid, round(score, 9)) for rowid, score in conn.execute(RANKED, (query,))]
            for query in queries
        }


def test_bulk_settings_last_one_transaction(flats: list[FlatBatch], tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = SQLiteStore.open(str(path))
    try:
        store.write(merge_flat(flats[:3]))
        with sqlite3.connect(path) as conn:  # as an older flat writer left a store
            conn.execute("INSERT INTO node_fts(node_fts, rank) VALUES ('automerge', 0)")
        store.write_flat(flats[3:40])
        assert _config(path) == dict(FTS_DEFAULTS)
        dangling: FlatBatch = (flats[40][0], [(flats[40][0][0][0], "CITES", "cable:NOPE", {})])
        with pytest.raises(StoreError, match="cable:NOPE"):
            store.write_flat([*flats[41:50], dangling])
        assert _config(path) == dict(FTS_DEFAULTS)
    finally:
        store.close()
    assert dict(FTS_BULK) != dict(FTS_DEFAULTS)


def test_one_index_segment_per_transaction(flats: list[FlatBatch], tmp_path: Path) -> None:
    """Placeholders filled in mid-transaction (rows out of order) do not cut segments."""
    path = tmp_path / "s.db"
    store = SQLiteStore.open(str(path))
    try:
        for count, chunk in enumerate(chunks(list(reversed(flats)), 100), start=1):
            store.write_flat(chunk)
            assert _segments(path) == count
    finally:
        store.close()


def test_flat_index_ranks_as_plain_writes_do(flats: list[FlatBatch], tmp_path: Path) -> None:
    """Cables written out of order (placeholders filled in, old text out of the index)
    and twice: the same hits with the same BM25 scores, the same store searches."""
    repeats = RepeatFilter()
    order = [*flats[150:], *reversed(flats[:150]), *flats[:60]]
    stores: dict[str, SQLiteStore] = {}
    for how in ("plain", "flat"):
        stores[how] = SQLiteStore.open(str(tmp_path / f"{how}.db"))
        for chunk in chunks(order, 70):
            if how == "flat":
                stores[how].write_flat([repeats.drop(flat) for flat in chunk])
            else:
                stores[how].write(merge_flat(chunk))
    try:
        hits = 0
        for word in (*WORDS, "amb", "state dep"):
            plain = stores["plain"].search(word, FULL_CLEARANCE, first=50)
            assert stores["flat"].search(word, FULL_CLEARANCE, first=50) == plain
            hits += len(plain)
        assert hits > 50
        cables = stores["flat"].search("embassy", FULL_CLEARANCE, [NodeKind.CABLE], first=5)
        assert cables
    finally:
        for store in stores.values():
            store.close()
    expected = _ranked(tmp_path / "plain.db")
    assert sum(map(len, expected.values())) > 100
    assert _ranked(tmp_path / "flat.db") == expected
