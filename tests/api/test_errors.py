"""api.errors and the limits, as clients see them: codes and messages that name the
key, the limit and the value, and never a traceback."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from graphql import GraphQLError

from api.errors import ErrorCode, format_error
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from tests.api.conftest import MakeClient
from tests.api.graphql_client import GraphQLClient


class FailingStore(SQLiteStore):
    """A real store whose searches fail the way a lost backend does."""

    def search(self, *args: object, **kwargs: object) -> list[object]:  # type: ignore[override]
        raise StoreError("Neo4j at bolt://db:7687 is unreachable")


class BuggyStore(SQLiteStore):
    def search(self, *args: object, **kwargs: object) -> list[object]:  # type: ignore[override]
        raise KeyError("password=hunter2")


def test_store_failure_is_reported_without_internals(
    make_client: MakeClient, corpus_db: Path
) -> None:
    client = make_client(Settings(), FailingStore.open(str(corpus_db)))
    reply = client.query('{ search(text: "TOKYO") { id } }')
    assert reply.codes == ["STORE_UNAVAILABLE"]
    assert (
        reply.errors[0]["message"]
        == "the graph store failed: Neo4j at bolt://db:7687 is unreachable"
    )
    assert reply.errors[0]["path"] == ["search"]


def test_unexpected_error_is_masked(make_client: MakeClient, corpus_db: Path) -> None:
    client = make_client(Settings(), BuggyStore.open(str(corpus_db)))
    reply = client.query('{ search(text: "TOKYO") { id } }')
    assert reply.codes == ["INTERNAL"]
    text = str(reply.errors)
    assert "hunter2" not in text and "Traceback" not in text and "KeyError" not in text


def test_bad_cursor_names_it(client: GraphQLClient) -> None:
    reply = client.query('{ cables(after: "bm90LWEtY3Vyc29y") { totalCount } }')
    assert reply.codes == ["BAD_INPUT"]
    assert "bm90LWEtY3Vyc29y" in reply.errors[0]["message"]


def test_graphql_validation_errors_keep_their_message(client: GraphQLClient) -> None:
    reply = client.query("{ cable(id: 1) { nope } }")
    assert reply.codes and set(reply.codes) == {"GRAPHQL"}
    assert any("nope" in e["message"] for e in reply.errors)


def test_first_of_a_million_names_the_limit(client: GraphQLClient) -> None:
    reply = client.query("{ cables(first: 1000000) { totalCount } }")
    assert reply.codes == ["LIMIT_EXCEEDED"]
    assert "1000000" in reply.errors[0]["message"] and "500" in reply.errors[0]["message"]
    nested = client.query(
        '{ cable(id: "08STATE68633") { recipients(first: 1000000) { totalCount } } }'
    )
    assert nested.codes == ["LIMIT_EXCEEDED"]


def test_depth_50_chain_names_the_limit(client: GraphQLClient) -> None:
    reply = client.query('{ referenceChain(id: "08STATE68633", maxDepth: 50) { truncated } }')
    assert reply.codes == ["LIMIT_EXCEEDED"]
    assert "maxDepth" in reply.errors[0]["message"] and "50" in reply.errors[0]["message"]
    variables = client.query(
        'query($d: Int) { referenceChain(id: "08STATE68633", maxDepth: $d) { truncated } }',
        {"d": 50},
    )
    assert variables.codes == ["LIMIT_EXCEEDED"]


def test_deep_query_is_refused(client: GraphQLClient) -> None:
    hop = "citedBy { nodes { references { nodes { ... on Cable { "
    query = '{ cable(id: "08STATE68633") { ' + hop * 6 + "id" + " } } } } }" * 6 + " } }"
    reply = client.query(query)
    assert reply.data is None and reply.errors
    assert "depth" in reply.errors[0]["message"].lower()


def test_alias_flood_is_refused(client: GraphQLClient) -> None:
    query = "{ " + " ".join(f'a{i}: cable(id: "08STATE68633") {{ id }}' for i in range(200)) + " }"
    reply = client.query(query)
    assert reply.data is None and reply.errors
    assert "alias" in reply.errors[0]["message"].lower()


def test_neighborhood_limit_over_the_cap(client: GraphQLClient) -> None:
    reply = client.query('{ neighborhood(ids: ["post:STATE"], limit: 100000) { truncated } }')
    assert reply.codes == ["LIMIT_EXCEEDED"]
    assert "limit" in reply.errors[0]["message"]


def test_format_error_keeps_location_and_path() -> None:
    error = GraphQLError("boom", path=["cable", "origin"], original_error=ValueError("x"))
    formatted = format_error(error)
    assert formatted["path"] == ["cable", "origin"]
    assert formatted["extensions"] == {"code": ErrorCode.INTERNAL.value}


class SlowStore(SQLiteStore):
    """A real store whose neighbourhoods take two seconds."""

    def neighborhood(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        time.sleep(2)
        return super().neighborhood(*args, **kwargs)  # type: ignore[arg-type]

    def neighborhood_flat(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        time.sleep(2)
        return super().neighborhood_flat(*args, **kwargs)  # type: ignore[arg-type]


def test_slow_traversal_is_cut_by_the_request_timeout(
    make_client: MakeClient, corpus_db: Path
) -> None:
    client = make_client(Settings.for_tests(request_timeout=0.3), SlowStore.open(str(corpus_db)))
    start = time.monotonic()
    reply = client.query('{ neighborhood(ids: ["post:STATE"]) { truncated } }')
    assert time.monotonic() - start < 1.5
    assert reply.codes == ["LIMIT_EXCEEDED"] and reply.data is None
    assert "0.3" in reply.errors[0]["message"]


def test_a_client_error_is_one_info_line_and_a_bug_is_logged_with_its_traceback(
    make_client: MakeClient, corpus_db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    make_client().query("{ cables(first: 1000000) { totalCount } }")
    refused = [r for r in caplog.records if "first: 1000000" in r.getMessage()]
    assert [(r.levelno, r.exc_info) for r in refused] == [(logging.INFO, None)]
    caplog.clear()
    make_client(Settings(), BuggyStore.open(str(corpus_db))).query('{ search(text: "X") { id } }')
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert errors[0].exc_info[0] is KeyError
