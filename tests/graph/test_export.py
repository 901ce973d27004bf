"""graph.export: every format written from a store and read back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import orjson
import pytest

from graph.export import ExportError, ExportFormat, export_store, export_stream, iter_dump
from graph.model import EdgeKind, NodeKind
from graph.store import Store
from tests.graph.graph_samples import DAVIES, PREL, TOKYO, A, P, sample_batch

NODES, EDGES = 14, 21


@pytest.fixture
def sample_store(store: Store) -> Store:
    store.write(sample_batch())
    return store


def test_graphml_parses_back_with_networkx(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    summary = export_store(sample_store, ExportFormat.GRAPHML, out)
    graph = nx.read_graphml(out, force_multigraph=True)
    assert (summary.nodes, summary.edges) == (NODES, EDGES)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (NODES, EDGES)
    seed = graph.nodes[A]
    assert seed["kind"] == "Cable"
    assert seed["in_corpus"] is True
    assert seed["caveats"] == "NOFORN; SIPDIS"
    assert seed["level_rel"] == 99
    assert "body" not in seed, "long texts stay out unless asked"
    assert graph.nodes[P]["in_corpus"] is False
    assert graph.nodes[PREL]["prop_kind"] == "subject"
    kinds = {data["kind"] for _, _, data in graph.edges(A, data=True)}
    assert {"CITES", "TAGGED", "MENTIONS", "CLASSIFIED_BY", "SIGNED_BY", "REQUESTS"} <= kinds
    assert graph.number_of_edges(A, DAVIES) == 2, "CLASSIFIED_BY and SIGNED_BY both kept"


def test_graphml_with_text_keeps_bodies(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    export_store(sample_store, ExportFormat.GRAPHML, out, include_text=True)
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.nodes[A]["body"] == 'Body of 08STATE1,\nwith "quotes" and a second line.'


def test_gexf_parses_back_with_networkx(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "graph.gexf"
    export_store(sample_store, ExportFormat.GEXF, out)
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == NODES
    assert graph.number_of_edges() == EDGES
    assert graph.nodes[TOKYO]["label"] == "AMEMBASSY TOKYO"
    assert graph.nodes[TOKYO]["kind"] == "Post"


def test_jsonl_has_one_object_per_node_and_edge(sample_store: Store) -> None:
    buffer = io.BytesIO()
    assert export_stream(sample_store, ExportFormat.JSONL, buffer) == (NODES, EDGES)
    records = [orjson.loads(line) for line in buffer.getvalue().splitlines()]
    assert len(records) == NODES + EDGES
    nodes = {r["id"]: r for r in records if r["type"] == "node"}
    assert nodes[A]["props"]["caveats"] == ["NOFORN", "SIPDIS"]
    assert nodes[P]["props"]["in_corpus"] is False
    cites = [r for r in records if r["type"] == "edge" and r["kind"] == "CITES"]
    assert {(r["source"], r["target"]) for r in cites} >= {(A, P)}
    assert len(cites) == 6


def test_neo4j_csv_has_the_headers_neo4j_admin_expects(sample_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "import"
    summary = export_store(sample_store, ExportFormat.NEO4J_CSV, folder)
    assert (summary.nodes, summary.edges) == (NODES, EDGES)
    names = {path.name for path in summary.files}
    assert "nodes_Cable.csv" in names and "rels_CITES.csv" in names
    assert "nodes_Asset.csv" not in names, "no file for a kind with no nodes"
    cables = _read_csv(folder / "nodes_Cable.csv")
    assert cables[0][:5] == ["id:ID", ":LABEL", "label", "level:int", "level_rel:int"]
    assert "in_corpus:boolean" in cables[0] and "caveats:string[]" in cables[0]
    rows = {row[0]: dict(zip(cables[0], row, strict=True)) for row in cables[1:]}
    assert rows[A]["caveats:string[]"] == "NOFORN;SIPDIS"
    assert rows[A][":LABEL"] == "Cable"
    assert rows[P]["in_corpus:boolean"] == "false"
    assert "\n" in rows[A]["body"], "multi-line texts survive quoting"
    mentions = _read_csv(folder / "rels_MENTIONS.csv")
    assert mentions[0] == [":START_ID", ":END_ID", ":TYPE", "count:int"]
    assert len(mentions) == 1 + 6
    script = (folder / "import.sh").read_text()
    assert "neo4j-admin database import full" in script
    assert "--relationships=rels_CITES.csv" in script and "--nodes=nodes_Cable.csv" in script


def test_neo4j_csv_refuses_a_file_destination(sample_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "file.csv"
    target.write_text("x")
    with pytest.raises(ExportError, match=r"file\.csv"):
        export_store(sample_store, ExportFormat.NEO4J_CSV, target)
    with pytest.raises(ExportError, match="folder"):
        export_stream(sample_store, ExportFormat.NEO4J_CSV, io.BytesIO())


def test_dump_is_canonical(sample_store: Store) -> None:
    dump = list(iter_dump(sample_store))
    assert dump == sorted(dump)
    assert len(dump) == NODES + EDGES
    assert sum(1 for line in dump if '"kind":"CITES"' in line) == 6
    assert next(iter(sample_store.iter_nodes([NodeKind.TAG]))).id == PREL
    assert len(list(sample_store.iter_edges([EdgeKind.SENT]))) == 4


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_export_restricted_to_edge_kinds(sample_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "refs.graphml"
    summary = export_store(sample_store, ExportFormat.GRAPHML, out, edge_kinds=[EdgeKind.CITES])
    graph = nx.read_graphml(out, force_multigraph=True)
    assert {kind for _, kind in graph.nodes(data="kind")} == {"Cable", "Reference"}
    assert (summary.nodes, summary.edges) == (6, 6)
    folder = tmp_path / "csv"
    summary = export_store(
        sample_store, ExportFormat.NEO4J_CSV, folder, edge_kinds=[EdgeKind.MENTIONS]
    )
    names = sorted(p.name for p in summary.files)
    assert "rels_MENTIONS.csv" in names and "rels_CITES.csv" not in names
    assert "nodes_Post.csv" not in names and "nodes_Country.csv" in names
    buffer = io.BytesIO()
    assert export_stream(sample_store, ExportFormat.JSONL, buffer, edge_kinds=[EdgeKind.SENT]) == (
        8,
        4,
    )
