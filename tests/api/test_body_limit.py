"""The request-body cap: declared and streamed bodies over it get 413, others pass."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.app import create_app
from api.body_limit import BodyLimitMiddleware
from api.settings import Limits, Settings
from graph.sqlite_store import SQLiteStore
from tests.api.graphql_client import TestClient

CAP = 1000


async def echo_size(request: Request) -> Response:
    return JSONResponse({"size": len(await request.body())})


def echo_app(cap: int = CAP) -> BodyLimitMiddleware:
    return BodyLimitMiddleware(Starlette(routes=[Route("/", echo_size, methods=["POST"])]), cap)


def chunks(total: int, size: int = 100) -> Iterator[bytes]:
    for start in range(0, total, size):
        yield b"x" * min(size, total - start)


def test_a_body_under_the_cap_passes() -> None:
    with TestClient(echo_app()) as http:
        assert http.post("/", content=b"x" * CAP).json() == {"size": CAP}


def test_a_declared_body_over_the_cap_is_refused_naming_the_limit() -> None:
    with TestClient(echo_app()) as http:
        response = http.post("/", content=b"x" * (CAP + 1))
    assert response.status_code == 413
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert (
        error["message"]
        == f"request body of {CAP + 1} bytes is over CABLEGRAPH_MAX_BODY_BYTES={CAP}"
    )


def test_a_streamed_body_is_refused_once_it_passes_the_cap() -> None:
    with TestClient(echo_app()) as http:
        response = http.post("/", content=chunks(5 * CAP))
    assert response.status_code == 413
    assert "CABLEGRAPH_MAX_BODY_BYTES=1000" in response.json()["errors"][0]["message"]


def test_a_streamed_body_under_the_cap_passes() -> None:
    with TestClient(echo_app()) as http:
        assert http.post("/", content=chunks(CAP - 1)).json() == {"size": CAP - 1}


@pytest.mark.parametrize("streamed", [False, True])
def test_the_graphql_endpoint_refuses_a_large_ingest_and_still_serves(
    corpus_db: Path, streamed: bool
) -> None:
    settings = Settings(limits=Limits(max_body_bytes=50_000))
    documents = ["x" * 60_000]
    body = b'{"query":"mutation($d:[String!]!){ingest(documents:$d){cables}}","variables":'
    payload = body + b'{"d":["' + documents[0].encode() + b'"]}}'
    with TestClient(create_app(settings, SQLiteStore.open(str(corpus_db)))) as http:
        content = chunks(len(payload), 4096) if streamed else payload
        refused = http.post(
            "/graphql", content=content, headers={"content-type": "application/json"}
        )
        served = http.post("/graphql", json={"query": '{ cable(id: "08STATE68633") { id } }'})
    assert refused.status_code == 413
    assert "CABLEGRAPH_MAX_BODY_BYTES=50000" in refused.json()["errors"][0]["message"]
    assert served.json()["data"]["cable"]["id"].endswith("08STATE68633")
