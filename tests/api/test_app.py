"""api.app: routes, lifespan and the GraphiQL page, through HTTP."""

from __future__ import annotations

from pathlib import Path

from api.app import create_app
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from tests.api.graphql_client import TestClient, open_client


class ClosedStore(SQLiteStore):
    """A real store whose backend has gone away."""

    def ping(self) -> bool:
        raise StoreError("database is locked by another process")


def test_health_is_ok_while_the_store_answers(corpus_db: Path) -> None:
    with TestClient(create_app(Settings(), SQLiteStore.open(str(corpus_db)))) as http:
        response = http.get("/health")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_health_is_503_naming_the_reason_when_the_store_fails(corpus_db: Path) -> None:
    store = ClosedStore.open(str(corpus_db))
    with TestClient(create_app(Settings(), store)) as http:
        response = http.get("/health")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reason": "database is locked by another process",
    }


def test_lifespan_closes_the_store(corpus_db: Path) -> None:
    store = SQLiteStore.open(str(corpus_db))
    with open_client(create_app(Settings(), store)) as client:
        assert client.query("{ stats { visibleCables } }").ok()["stats"]["visibleCables"] > 0
    assert store.ping() is False


def test_explorer_without_a_build_explains_how_to_build(corpus_db: Path, tmp_path: Path) -> None:
    app = create_app(Settings(), SQLiteStore.open(str(corpus_db)), explorer_dir=tmp_path / "none")
    with TestClient(app) as http:
        response = http.get("/explorer/")
        deep = http.get("/explorer/index.html")
    assert response.status_code == deep.status_code == 404
    assert "npm run build" in response.text


def test_explorer_build_is_served(corpus_db: Path, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>explorer</title>")
    (tmp_path / "explorer.js").write_text("console.log('explorer')")
    app = create_app(Settings(), SQLiteStore.open(str(corpus_db)), explorer_dir=tmp_path)
    with TestClient(app) as http:
        page = http.get("/explorer/")
        script = http.get("/explorer/explorer.js")
    assert page.status_code == 200 and "<title>explorer</title>" in page.text
    assert script.status_code == 200 and "console.log" in script.text


def test_graphql_get_from_a_browser_is_the_offline_graphiql(corpus_db: Path) -> None:
    with TestClient(create_app(Settings(), SQLiteStore.open(str(corpus_db)))) as http:
        page = http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()
    assert "unpkg.com" not in page.text and "/graphiql-assets/" in page.text


def test_queries_over_get_work(corpus_db: Path) -> None:
    with TestClient(create_app(Settings(), SQLiteStore.open(str(corpus_db)))) as http:
        response = http.get("/graphql", params={"query": '{ cable(id: "08STATE68633") { id } }'})
    assert response.json() == {"data": {"cable": {"id": "cable:08STATE68633"}}}


def test_mutations_over_get_are_refused(corpus_db: Path) -> None:
    query = "mutation { ingest(documents: []) { cables } }"
    with TestClient(create_app(Settings(), SQLiteStore.open(str(corpus_db)))) as http:
        response = http.get("/graphql", params={"query": query})
    assert response.status_code == 400


def test_root_leads_to_the_explorer(corpus_db: Path) -> None:
    with TestClient(create_app(Settings(), SQLiteStore.open(str(corpus_db)))) as http:
        response = http.get("/", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/explorer/"
