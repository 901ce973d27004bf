"""Fixtures of the API tests: the app over the corpus store, and clients for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

from api.app import create_app
from api.settings import Settings
from graph.model import NodeKind
from graph.sqlite_store import SQLiteStore
from graph.store import Store
from tests.api.graphql_client import GraphQLClient, open_client

MakeClient = Callable[..., GraphQLClient]


@pytest.fixture
def corpus_store(corpus_db: Path) -> Iterator[Store]:
    """A fresh connection to the corpus store (an app closes its store on shutdown)."""
    store = SQLiteStore.open(str(corpus_db))
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def make_client(corpus_db: Path) -> Iterator[MakeClient]:
    """Open clients of apps over the corpus store: ``make_client(settings, store=None)``."""
    with ExitStack() as stack:

        def make(settings: Settings | None = None, store: Store | None = None) -> GraphQLClient:
            opened = store if store is not None else SQLiteStore.open(str(corpus_db))
            return stack.enter_context(open_client(create_app(settings or Settings(), opened)))

        yield make


@pytest.fixture
def client(make_client: MakeClient) -> GraphQLClient:
    """A client of the default app (loopback: anonymous callers see everything)."""
    return make_client()


@pytest.fixture(scope="session")
def corpus_levels(corpus_db: Path) -> dict[str, tuple[int, int]]:
    """``level``/``level_rel`` of every node of the corpus store, read directly."""
    store = SQLiteStore.open(str(corpus_db))
    try:
        return {n.id: (n.level, n.level_rel) for n in store.iter_nodes()}
    finally:
        store.close()


@pytest.fixture(scope="session")
def corpus_cables(corpus_db: Path) -> dict[str, Any]:
    """Every loaded cable of the corpus store, by node id, read directly."""
    store = SQLiteStore.open(str(corpus_db))
    try:
        return {n.id: n for n in store.iter_nodes([NodeKind.CABLE]) if n.props.get("in_corpus")}
    finally:
        store.close()
