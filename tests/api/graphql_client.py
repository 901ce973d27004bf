"""A small GraphQL client over starlette's TestClient, shared by the API tests."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette

with warnings.catch_warnings():
    # starlette 1.x warns that it prefers httpx2 to httpx; httpx is what is pinned.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

__all__ = ["GraphQLClient", "Reply", "TestClient", "open_client"]


@dataclass(frozen=True, slots=True)
class Reply:
    """One GraphQL response: HTTP status, ``data`` and ``errors``."""

    status: int
    data: Any
    errors: list[dict[str, Any]]

    @property
    def codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code", "") for e in self.errors]

    def ok(self) -> Any:
        """``data``, after asserting there were no errors."""
        assert not self.errors, self.errors
        return self.data


@dataclass(frozen=True, slots=True)
class GraphQLClient:
    http: TestClient

    def query(
        self,
        query: str,
        variables: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        response = self.http.post(
            "/graphql",
            json={"query": query, "variables": dict(variables or {})},
            headers=dict(headers or {}),
        )
        body = response.json()
        return Reply(response.status_code, body.get("data"), body.get("errors", []))


@contextmanager
def open_client(app: Starlette) -> Iterator[GraphQLClient]:
    """A client with the app's lifespan running (the store is closed on exit)."""
    with TestClient(app) as http:
        yield GraphQLClient(http)
