"""The flat write path ingest takes into the embedded store (``SQLiteStore.write_flat``,
graph.sqlite_bulk) gives the store, full-text index included, that ``write`` gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from graph.export import iter_dump
from graph.model import FULL_CLEARANCE, ModelError
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from loaders.ingest_flat import FlatBatch, FlatSink, RepeatFilter, merge_flat
from loaders.to_graph import cable_to_flat
from tests.corpus_cables import chunks, first_cables


@pytest.fixture(scope="module")
def flats(cablegate_dir: Path) -> list[FlatBatch]:
    return [cable_to_flat(cable) for cable in first_cables(cablegate_dir, 200)]


def _check_index(path: Path) -> list[int]:
    """Raise unless ``node_fts`` matches ``node_text``; the rows matching a few words."""
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO node_fts(node_fts, rank) VALUES('integrity-check', 1)")
        query = "SELECT rowid FROM node_fts WHERE node_fts MATCH ? ORDER BY rowid"
        found: list[int] = []
        for word in ("embassy", "tokyo", "nuclear", "08STATE68633"):
            found.extend(row[0] for row in conn.execute(query, (word,)))
        return found


def _write(path: Path, transactions: Iterator[Sequence[FlatBatch]], flat: bool) -> list[str]:
    """Write every transaction flat (or plain) through one store; its full dump."""
    return _replay(path, [("flat", chunk) for chunk in transactions], flat)


def test_the_store_is_a_flat_sink(tmp_path: Path) -> None:
    store = SQLiteStore.open(str(tmp_path / "s.db"))
    assert isinstance(store, FlatSink)
    store.close()


@pytest.mark.parametrize("per_write", [1, 37, 200])
def test_flat_writes_give_the_store_plain_writes_give(
    flats: list[FlatBatch], tmp_path: Path, per_write: int
) -> None:
    repeats = RepeatFilter()
    filtered = [repeats.drop(flat) for flat in flats]  # as a worker sends them
    expected = _write(tmp_path / "plain.db", chunks(flats, 1), flat=False)
    got = _write(tmp_path / "flat.db", chunks(filtered, per_write), flat=True)
    assert got == expected
    assert _check_index(tmp_path / "flat.db") == _check_index(tmp_path / "plain.db")


def _replay(path: Path, steps: list[tuple[str, Sequence[FlatBatch]]], flat: bool) -> list[str]:
    """Write ``steps``: ``flat`` or plain writes through one store, plain writes
    through the same store (``"plain"``) or through another connection (``"other"``)."""
    store = SQLiteStore.open(str(path))
    try:
        for how, chunk in steps:
            if how == "other":
                other = SQLiteStore.open(str(path))
                other.write(merge_flat(chunk))
                other.close()
            elif how == "flat" and flat:
                store.write_flat(chunk)
            else:
                store.write(merge_flat(chunk))
        return list(iter_dump(store))
    finally:
        store.close()


def test_placeholders_filled_in_any_order_and_twice(flats: list[FlatBatch], tmp_path: Path) -> None:
    """Cited cables loaded before and after their citers, everything written twice,
    with plain writes through the same store and another connection in between (the
    flat writer must notice them)."""
    steps: list[tuple[str, Sequence[FlatBatch]]] = [
        *(("flat", chunk) for chunk in chunks(list(reversed(flats)), 50)),
        ("plain", flats[:10]),
        *(("flat", chunk) for chunk in chunks(flats, 64)),
        ("other", flats[10:20]),
        ("flat", flats[20:90]),
    ]
    expected = _replay(tmp_path / "plain.db", steps, flat=False)
    assert _replay(tmp_path / "mixed.db", steps, flat=True) == expected
    assert _check_index(tmp_path / "mixed.db") == _check_index(tmp_path / "plain.db")


def test_a_failed_flat_write_leaves_nothing(flats: list[FlatBatch], tmp_path: Path) -> None:
    store = SQLiteStore.open(str(tmp_path / "failed.db"))
    try:
        store.write_flat(flats[:5])
        before = list(iter_dump(store))
        dangling: FlatBatch = (
            flats[5][0],
            [*flats[5][1], (flats[5][0][0][0], "CITES", "cable:NOPE", {})],
        )
        with pytest.raises(StoreError, match="cable:NOPE"):
            store.write_flat([dangling])
        backwards: FlatBatch = (flats[6][0], [(flats[6][1][0][2], "SENT", flats[6][0][0][0], {})])
        with pytest.raises(ModelError, match="cannot run from"):
            store.write_flat([backwards])
        wrong_kind: FlatBatch = ([("post:X", "Tag", "X", {}, 0, 0)], [])
        with pytest.raises(ModelError, match="post:X"):
            store.write_flat([wrong_kind])
        assert list(iter_dump(store)) == before
        store.write_flat(flats[5:7])  # and the writer goes on from what is stored
        assert store.get_nodes([flats[6][0][0][0]], FULL_CLEARANCE)
    finally:
        store.close()
    _check_index(tmp_path / "failed.db")
