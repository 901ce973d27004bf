"""loaders.ingest: the corpus graph, idempotence, bad inputs, and crash safety."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.export import iter_dump
from graph.model import FULL_CLEARANCE, EdgeKind, NodeKind
from graph.sqlite_store import SQLiteStore
from graph.store import Direction, Store
from loaders.ingest import IngestProgress, ingest_paths
from loaders.ingest_units import UNIT_BYTES, plan_units, split_rows

SEED = "cable:08STATE68633"
TOKYO_REFS = [f"cable:08TOKYO{n}" for n in (1464, 1593, 1623, 1657)]
REQUESTED_POSTS = {
    f"post:{key}"
    for key in (
        "OTTAWA",
        "PARIS",
        "BERLIN",
        "ROME",
        "LONDON",
        "KABUL",
        "CANBERRA",
        "USNATO",
        "TOKYO",
    )
}


@pytest.fixture
def corpus_store(corpus_db: Path) -> Iterator[SQLiteStore]:
    store = SQLiteStore.open(str(corpus_db))
    yield store
    store.close()


def _open(path: Path) -> SQLiteStore:
    return SQLiteStore.open(str(path))


def _seed_edges(store: Store, kind: EdgeKind, direction: Direction = Direction.OUT) -> set[str]:
    page = store.edges([SEED], FULL_CLEARANCE, direction, [kind], first=500)[SEED]
    return {node.id for node in page.nodes}


def test_corpus_counts(corpus_store: SQLiteStore, corpus_dir: Path) -> None:
    files = [p for p in corpus_dir.rglob("*") if p.is_file()]
    stats = corpus_store.stats()
    assert stats.cables_in_corpus == len(files) == 634
    assert stats.placeholders == stats.nodes[NodeKind.CABLE] - 634 > 0
    assert stats.edges[EdgeKind.SENT] == 634, "every loaded cable has its origin post"


def test_seed_cable_edges(corpus_store: SQLiteStore) -> None:
    assert _seed_edges(corpus_store, EdgeKind.SENT, Direction.IN) == {"post:STATE"}
    assert "post:USNATO" in _seed_edges(corpus_store, EdgeKind.SENT_TO)
    cited = corpus_store.get_nodes(
        sorted(_seed_edges(corpus_store, EdgeKind.CITES)), FULL_CLEARANCE
    )
    cables = sorted(n.id for n in cited.values() if n.kind is NodeKind.CABLE)
    assert cables == TOKYO_REFS
    assert not any(cited[c].props.get("in_corpus") for c in cables), "four placeholders"
    references = [n for n in cited.values() if n.kind is NodeKind.REFERENCE]
    assert len(references) == 1 and "SECDEF" in references[0].label
    assert _seed_edges(corpus_store, EdgeKind.REQUESTS) == REQUESTED_POSTS
    assert len(_seed_edges(corpus_store, EdgeKind.TAGGED)) == 12
    mentioned = _seed_edges(corpus_store, EdgeKind.MENTIONS)
    assert {"country:JA", "country:AF"} <= mentioned
    assert _seed_edges(corpus_store, EdgeKind.CLASSIFIED_BY) == {"official:GLYN-DAVIES"}
    assert _seed_edges(corpus_store, EdgeKind.SIGNED_BY) == {"official:RICE"}


def test_citations_between_corpus_cables_resolve(
    corpus_store: SQLiteStore, corpus_dir: Path
) -> None:
    loaded = {f"cable:{p.stem}" for p in corpus_dir.rglob("*") if p.is_file()}
    resolved = [e for e in corpus_store.iter_edges([EdgeKind.CITES]) if e.target in loaded]
    assert len(resolved) >= 20, "corpus cables cite each other"
    targets = corpus_store.get_nodes(sorted({e.target for e in resolved}), FULL_CLEARANCE)
    assert all(node.props.get("in_corpus") is True for node in targets.values())
    assert all(node.props.get("subject") for node in targets.values()), (
        "filled in, not placeholders"
    )


def test_ingest_twice_gives_the_same_graph(tmp_path: Path, cablegate_dir: Path) -> None:
    some = sorted(cablegate_dir.glob("*.html"))[:120]
    store = _open(tmp_path / "twice.db")
    try:
        first = ingest_paths(store, some, batch_size=50, workers=2)
        dump = list(iter_dump(store))
        second = ingest_paths(store, some, batch_size=50, workers=2)
        assert (first.cables, first.failed) == (second.cables, second.failed) == (120, 0)
        assert (first.nodes, first.edges) == (second.nodes, second.edges)
        assert list(iter_dump(store)) == dump
    finally:
        store.close()


def test_bad_files_cost_nothing_of_the_good_ones(tmp_path: Path, cablegate_dir: Path) -> None:
    good = tmp_path / "good"
    mixed = tmp_path / "mixed"
    good.mkdir()
    for page in sorted(cablegate_dir.glob("*.html"))[:15]:
        shutil.copy(page, good)
    shutil.copytree(good, mixed)
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (mixed / "latin1.txt").write_bytes("UNCLAS caf\xe9".encode("latin-1"))
    page = (good / sorted(p.name for p in good.iterdir())[0]).read_bytes()
    (mixed / "truncated.html").write_bytes(page[: len(page) // 3])
    (mixed / "noise.txt").write_bytes(b"lorem ipsum " * 50_000)
    progress: list[IngestProgress] = []
    clean, dirty = _open(tmp_path / "clean.db"), _open(tmp_path / "dirty.db")
    try:
        ok = ingest_paths(clean, [good])
        report = ingest_paths(dirty, [mixed, tmp_path / "missing.txt"], progress=progress.append)
        assert ok.failed == 0 and ok.cables == 15
        assert report.cables >= 15
        failed = {Path(f.source.split(":row")[0]).name for f in report.failures}
        assert {"empty.txt", "binary.bin", "noise.txt", "missing.txt"} <= failed
        assert all(f.reason and "\n" not in f.reason for f in report.failures)
        assert sum(report.failures_by_reason.values()) == report.failed
        good_ids = {n.id for n in clean.iter_nodes([NodeKind.CABLE]) if n.props.get("in_corpus")}
        got = clean.get_nodes(sorted(good_ids), FULL_CLEARANCE)
        assert dirty.get_nodes(sorted(good_ids), FULL_CLEARANCE) == got
        assert progress[-1].bytes_done == progress[-1].bytes_total > 0
    finally:
        clean.close()
        dirty.close()


def test_csv_ranges_hold_whole_rows() -> None:
    rows = b"".join(
        f'"{n}","1/{n % 28 + 1}/2008 10:00","08STATE{n}","x","y","","h","b\\"\nline"\n'.encode()
        for n in range(1, 501)
    )
    ranges = split_rows(rows, 1000)
    assert len(ranges) > 5
    assert b"".join(rows[start:end] for start, end, _ in ranges) == rows
    for start, end, before in ranges:
        assert rows[start:end].startswith(f'"{before + 1}","'.encode())
    assert UNIT_BYTES >= 1 << 20


def test_plan_keeps_input_order(cablegate_dir: Path) -> None:
    files = sorted(cablegate_dir.glob("*.html"))
    units = plan_units(files)
    assert [p for unit in units for p in unit.paths] == files
    assert sum(unit.size for unit in units) == sum(p.stat().st_size for p in files)


def test_csv_rows_are_numbered_across_ranges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.synth import generate, write_csv

    source = tmp_path / "cables.csv"
    with source.open("w", encoding="utf-8") as out:
        write_csv(generate(120, seed=5), out)
    lines = source.read_text(encoding="utf-8").split("\n")
    broken = next(i for i, line in enumerate(lines) if line.startswith('"100","'))
    lines[broken] = lines[broken].replace('","', '" "', 1)  # row 100 loses a field
    source.write_text("\n".join(lines), encoding="utf-8")
    monkeypatch.setattr("loaders.ingest_units.UNIT_BYTES", 40_000)
    assert len(plan_units([source])) > 5
    store = _open(tmp_path / "rows.db")
    try:
        report = ingest_paths(store, [source], workers=2, batch_size=7)
        assert [f.source for f in report.failures] == [f"{source}:row 100"]
        assert report.cables == 119 == store.stats().cables_in_corpus
    finally:
        store.close()
