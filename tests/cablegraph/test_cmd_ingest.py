"""`cablegraph ingest`, `stats` and `export` through the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import orjson
import pytest
from typer.testing import CliRunner

from cablegraph.cli import app
from graph.export import iter_dump
from graph.sqlite_store import SQLiteStore


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory, cablegate_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("small")
    for page in sorted(cablegate_dir.glob("*.html"))[:25]:
        shutil.copy(page, folder)
    return folder


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory, small_corpus: Path) -> Path:
    db = tmp_path_factory.mktemp("db") / "small.db"
    result = CliRunner().invoke(app, ["ingest", str(small_corpus), "--store", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def test_ingest_prints_a_report(small_corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    args = ["ingest", str(small_corpus), "--store", str(db), "--batch-size", "7", "--workers", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert "cables read" in result.stdout and "25" in result.stdout
    assert "edges CITES" in result.stdout
    assert not Path(f"{db}.ingest-checkpoint").exists(), "a finished run leaves no checkpoint"


def test_ingest_reports_bad_inputs_and_exits_1(small_corpus: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01garbage")
    missing = tmp_path / "nope.html"
    args = ["ingest", str(small_corpus), str(bad), str(missing), "--store", str(tmp_path / "b.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(tmp_path))]
    assert any(line.startswith(f"{bad}: ") for line in lines), result.stderr
    assert any(line.startswith(f"{missing}: ") for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    store = SQLiteStore.open(str(tmp_path / "b.db"))
    assert store.stats().cables_in_corpus == 25, "the good cables are all in"
    store.close()


def test_stats_shows_counts(small_db: Path) -> None:
    result = CliRunner().invoke(app, ["stats", "--store", str(small_db)])
    assert result.exit_code == 0, result.stderr
    assert "cables in corpus" in result.stdout and "25" in result.stdout
    assert "nodes Post" in result.stdout


def test_stats_on_an_unusable_store_fails_cleanly(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(app, ["stats", "--store", str(junk)])
    assert result.exit_code == 1
    assert str(junk) in result.stderr and "Traceback" not in result.stderr


def test_export_jsonl_to_stdout(small_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "jsonl", "--store", str(small_db)])
    assert result.exit_code == 0, result.stderr
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    store = SQLiteStore.open(str(small_db))
    stats = store.stats()
    store.close()
    assert sum(r["type"] == "node" for r in records) == sum(stats.nodes.values())
    assert sum(r["type"] == "edge" for r in records) == sum(stats.edges.values())


def test_export_graphml_and_neo4j_csv_files(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    args = ["export", "--format", "graphml", "--store", str(small_db), "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    graph = nx.read_graphml(out, force_multigraph=True)
    assert sum(1 for _, kind in graph.nodes(data="kind") if kind == "Cable") >= 25
    folder = tmp_path / "csv"
    args = ["export", "--format", "neo4j-csv", "--store", str(small_db), "--out", str(folder)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    header = (folder / "nodes_Cable.csv").read_text().splitlines()[0]
    assert header.startswith("id:ID,:LABEL,")
    assert (folder / "rels_SENT.csv").read_text().startswith(":START_ID,:END_ID,:TYPE")


def test_export_rejects_an_unknown_format(small_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "dot", "--store", str(small_db)])
    assert result.exit_code == 2
    assert "dot" in result.stderr


def test_export_neo4j_csv_needs_a_folder(small_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "neo4j-csv", "--store", str(small_db)])
    assert result.exit_code == 1
    assert "folder" in result.stderr and "Traceback" not in result.stderr


def test_ingested_graph_matches_library_ingest(
    small_corpus: Path, small_db: Path, tmp_path: Path
) -> None:
    from loaders.ingest import ingest_paths

    store = SQLiteStore.open(str(tmp_path / "lib.db"))
    cli = SQLiteStore.open(str(small_db))
    try:
        ingest_paths(store, [small_corpus], workers=1)
        assert list(iter_dump(store)) == list(iter_dump(cli))
    finally:
        store.close()
        cli.close()


def test_export_only_citations(small_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "refs.gexf"
    args = ["export", "--format", "gexf", "--store", str(small_db), "--out", str(out)]
    result = CliRunner().invoke(app, [*args, "--edge-kind", "CITES"])
    assert result.exit_code == 0, result.stderr
    graph = nx.read_gexf(out)
    assert {kind for _, kind in graph.nodes(data="kind")} <= {"Cable", "Reference"}
    assert graph.number_of_edges() > 0
