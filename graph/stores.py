"""Open a store from a URI: an embedded SQLite file (default) or a Neo4j server.

Settings are read once, from the URI and the environment (``NEO4J_URI``,
``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``); the password never appears in
a message or a ``repr``.

>>> parse_store_uri("cablegraph.db").backend
'sqlite'
>>> parse_store_uri("bolt://localhost:7687", env={}).backend
'neo4j'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from graph.store import Store

DEFAULT_STORE = "cablegraph.db"
NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


@dataclass(frozen=True, slots=True)
class StoreSettings:
    backend: str  # "sqlite" | "neo4j"
    location: str  # file path or server URI (without credentials)
    user: str = "neo4j"
    password: str = field(default="", repr=False)
    database: str = "neo4j"


def parse_store_uri(uri: str | None, env: Mapping[str, str] | None = None) -> StoreSettings:
    """Settings for ``uri``; with no URI, ``NEO4J_URI`` if set, else the default file."""
    env = os.environ if env is None else env
    uri = uri or env.get("NEO4J_URI") or DEFAULT_STORE
    if uri.startswith(NEO4J_SCHEMES):
        return StoreSettings(
            backend="neo4j",
            location=uri,
            user=env.get("NEO4J_USER", "neo4j"),
            password=env.get("NEO4J_PASSWORD", ""),
            database=env.get("NEO4J_DATABASE", "neo4j"),
        )
    if uri.startswith("sqlite://"):
        uri = uri.removeprefix("sqlite://")
    return StoreSettings(backend="sqlite", location=uri)


def open_store(settings: StoreSettings) -> Store:
    """Open the backend the settings name (imports each backend only when used)."""
    if settings.backend == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.connect(settings)
    from graph.sqlite_store import SQLiteStore

    return SQLiteStore.open(settings.location)
