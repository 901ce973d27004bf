"""The ``ingest`` mutation: documents in the request are parsed and written; bad ones
are reported per document."""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from tests.api.conftest import MakeClient

WRITER = {"w": ("writer-token-0003", "SECRET:noforn", "read+write")}
HEADERS = {"Authorization": "Bearer writer-token-0003"}
INGEST = """mutation($docs: [DocumentInput!]!) { ingest(documents: $docs) {
  documents cables cableIds nodes edges failed errors { source reason } } }"""


def test_ingest_seed_and_a_cablegate_page_then_query_them(
    make_client: MakeClient, tmp_path: Path, seed_path: Path, cablegate_dir: Path
) -> None:
    page = cablegate_dir / "10ZAGREB97.html"
    docs = [
        {"source": seed_path.name, "content": seed_path.read_text(encoding="utf-8")},
        {"source": page.name, "content": page.read_text(encoding="utf-8")},
    ]
    client = make_client(Settings.for_tests(WRITER), SQLiteStore.open(str(tmp_path / "w.db")))
    report = client.query(INGEST, {"docs": docs}, HEADERS).ok()["ingest"]
    assert report["documents"] == 2 and report["failed"] == 0 and report["errors"] == []
    assert report["cables"] == 2
    assert sorted(report["cableIds"]) == ["08STATE68633", "10ZAGREB97"]
    assert report["nodes"] > 20 and report["edges"] > 20
    data = client.query(
        """{ cables { totalCount } cable(id: "08STATE68633") { subject
          references { totalCount } } }""",
        headers=HEADERS,
    ).ok()
    assert data["cables"]["totalCount"] == 2
    assert data["cable"]["references"]["totalCount"] == 5


def test_ingest_twice_gives_the_same_graph(
    make_client: MakeClient, tmp_path: Path, seed_path: Path
) -> None:
    docs = [{"source": "seed", "content": seed_path.read_text(encoding="utf-8")}]
    client = make_client(Settings.for_tests(WRITER), SQLiteStore.open(str(tmp_path / "w.db")))
    stats = "{ stats { nodes { kind count } edges { kind count } } }"
    client.query(INGEST, {"docs": docs}, HEADERS).ok()
    first = client.query(stats, headers=HEADERS).ok()
    client.query(INGEST, {"docs": docs}, HEADERS).ok()
    assert client.query(stats, headers=HEADERS).ok() == first


def test_bad_documents_are_reported_not_raised(make_client: MakeClient, tmp_path: Path) -> None:
    docs = [
        {"source": "empty.txt", "content": ""},
        {"source": "noise.txt", "content": "this is not a cable at all\n" * 3},
    ]
    client = make_client(Settings.for_tests(WRITER), SQLiteStore.open(str(tmp_path / "w.db")))
    report = client.query(INGEST, {"docs": docs}, HEADERS).ok()["ingest"]
    assert report["cables"] == 0 and report["failed"] == 2
    assert [e["source"] for e in report["errors"]] == ["empty.txt", "noise.txt"]
    assert all(e["reason"] for e in report["errors"])
