"""The store fixture: every contract test runs once per backend.

The Neo4j run needs a server: it runs whenever ``NEO4J_URI`` is set (see
docker/compose.yaml) and is skipped with that reason otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from graph.stores import open_store, parse_store_uri
from tests.graph.test_store_contract import load_canonical

BACKENDS = ["sqlite", "neo4j"]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "neo4j":
        if not os.environ.get("NEO4J_URI"):
            pytest.skip("NEO4J_URI is not set: no Neo4j server to run the contract suite on")
        opened = open_store(parse_store_uri(None))
        opened.clear()
    else:
        opened = open_store(parse_store_uri(str(tmp_path / "contract.db"), env={}))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def graph(store: Store) -> Store:
    """The store holding the contract suite's canonical graph."""
    load_canonical(store)
    return store
