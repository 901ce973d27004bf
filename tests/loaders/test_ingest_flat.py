"""loaders.ingest_flat and loaders.to_graph_flat: the flat path ingest takes gives the
graph the model path gives, and dropping repeated writes leaves the store unchanged."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from graph.export import iter_dump
from graph.sqlite_store import SQLiteStore
from loaders.ingest_flat import FlatBatch, RepeatFilter, merge_flat
from loaders.record import Cable
from loaders.to_graph import cable_to_batch, cable_to_flat
from loaders.to_graph_flat import flatten, inflate
from tests.corpus_cables import chunks, first_cables


@pytest.fixture(scope="module")
def cables(cablegate_dir: Path) -> list[Cable]:
    return first_cables(cablegate_dir, 160)


def test_flat_mapping_is_the_batch_mapping(cables: list[Cable]) -> None:
    for cable in cables:
        flat = cable_to_flat(cable)
        batch = cable_to_batch(cable)
        assert inflate(flat) == batch
        assert flatten(batch) == flat


def test_repeats_are_dropped(cables: list[Cable]) -> None:
    repeats = RepeatFilter()
    flats = [cable_to_flat(cable) for cable in cables]
    kept = [repeats.drop(flat) for flat in flats]
    sent = sum(len(nodes) + len(edges) for nodes, edges in flats)
    left = sum(len(nodes) + len(edges) for nodes, edges in kept)
    assert left < 0.8 * sent, "posts, countries and tags recur: most of their writes go"
    for flat, kept_flat in zip(flats, kept, strict=True):
        assert kept_flat[0][0] == flat[0][0], "a loaded cable's own node always goes"


def _dump(path: Path, transactions: Iterator[Sequence[FlatBatch]]) -> list[str]:
    store = SQLiteStore.open(str(path))
    try:
        for chunk in transactions:
            store.write(merge_flat(chunk))
        return list(iter_dump(store))
    finally:
        store.close()


@pytest.mark.parametrize("per_unit, per_write", [(7, 3), (40, 50), (160, 160)])
def test_dropping_repeats_changes_nothing(
    cables: list[Cable], tmp_path: Path, per_unit: int, per_write: int
) -> None:
    """Units of ``per_unit`` cables filtered as workers do, written ``per_write`` cables
    a transaction, give the store the unfiltered writes give, one cable at a time."""
    plain = [flatten(cable_to_batch(cable)) for cable in cables]
    filtered: list[FlatBatch] = []
    for unit in chunks(plain, per_unit):
        repeats = RepeatFilter()
        filtered.extend(repeats.drop(flat) for flat in unit)
    expected = _dump(tmp_path / "plain.db", chunks(plain, 1))
    assert _dump(tmp_path / "filtered.db", chunks(filtered, per_write)) == expected
