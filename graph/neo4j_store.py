"""The Neo4j 5 backend of the :class:`~graph.store.Store` protocol (official driver).

Every node is ``:Node`` plus its kind label, unique by ``id`` (constraint created,
with the indexes, before the first write); every edge a relationship whose type is the
edge kind. Writes are ``UNWIND $rows ... MERGE``, nodes first then relationships, in
chunks of 1k–10k rows run one after another inside one managed write transaction per
batch (so a batch stays atomic, as the protocol asks). Every statement is a
parameterised constant of :mod:`graph.neo4j_cypher` (or built from validated parts in
:mod:`graph.neo4j_filter` / :mod:`graph.neo4j_traverse`); every driver error becomes a
``StoreError`` without secrets (:mod:`graph.neo4j_session`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Final

from neo4j import ManagedTransaction

from graph import neo4j_cypher as cy
from graph.model import (
    Edge,
    EdgeKind,
    GraphBatch,
    Node,
    NodeId,
    NodeKind,
)
from graph.neo4j_read import Neo4jReads
from graph.neo4j_rows import (
    Row,
    check_chunk_size,
    split_chunks,
    to_edge,
    to_edge_row,
    to_node,
    to_node_row,
)
from graph.neo4j_session import Session
from graph.rules import check_batch
from graph.store import StoreError, StoreStats
from graph.stores import StoreSettings

DEFAULT_CHUNK: Final = 5_000
#: Seconds to wait for new indexes to come online after creating them.
INDEX_TIMEOUT: Final = 300
_PAGE: Final = 5_000


def group_rows(batch: GraphBatch) -> tuple[dict[NodeKind, list[Row]], dict[EdgeKind, list[Row]]]:
    """The batch's write rows, grouped by node kind and by edge kind (input order kept)."""
    nodes: dict[NodeKind, list[Row]] = defaultdict(list)
    edges: dict[EdgeKind, list[Row]] = defaultdict(list)
    for node in batch.nodes:
        nodes[node.kind].append(to_node_row(node))
    for edge in batch.edges:
        edges[edge.kind].append(to_edge_row(edge))
    return dict(nodes), dict(edges)


def outside_endpoints(batch: GraphBatch) -> list[NodeId]:
    """Edge endpoints that are not nodes of the batch (the store must already hold them).

    >>> batch = GraphBatch((Node("cable:A", NodeKind.CABLE, "A"),),
    ...                    (Edge("cable:A", EdgeKind.CITES, "cable:B"),))
    >>> outside_endpoints(batch)
    ['cable:B']
    """
    inside = {node.id for node in batch.nodes}
    ends = {e.source for e in batch.edges} | {e.target for e in batch.edges}
    return sorted(ends - inside)


class Neo4jStore(Neo4jReads):
    """A graph store on a Neo4j 5 database."""

    def __init__(self, session: Session, chunk_size: int = DEFAULT_CHUNK) -> None:
        super().__init__(session)
        self._chunk = check_chunk_size(chunk_size)

    @classmethod
    def connect(cls, settings: StoreSettings, chunk_size: int = DEFAULT_CHUNK) -> Neo4jStore:
        """Connect (verifying the server answers) and create the schema if missing."""
        store = cls(Session.open(settings), chunk_size)
        try:
            store.ensure_schema()
        except StoreError:
            store.close()
            raise
        return store

    def __repr__(self) -> str:
        return f"Neo4jStore({self._session.settings!r})"

    def close(self) -> None:
        self._session.close()

    def ping(self) -> bool:
        try:
            return bool(self._session.read("ping", cy.PING, {}))
        except StoreError:
            return False

    def ensure_schema(self) -> None:
        """Create the constraint and indexes (idempotent) and wait until they are online."""
        for statement in cy.SCHEMA:
            self._session.run_auto("create the schema", statement)
        self._session.run_auto("await the indexes", cy.AWAIT_INDEXES, {"timeout": INDEX_TIMEOUT})

    # --- writing -----------------------------------------------------------------
    def write(self, batch: GraphBatch) -> None:
        check_batch(batch)
        node_rows, edge_rows = group_rows(batch)
        outside = outside_endpoints(batch)

        def work(tx: ManagedTransaction) -> None:
            for kind, rows in node_rows.items():
                self._run_chunks(tx, cy.NODE_WRITES[kind], rows)
            self._check_present(tx, outside)
            for edge_kind, rows in edge_rows.items():
                self._run_chunks(tx, cy.EDGE_WRITES[edge_kind], rows)

        self._session.write("write a batch", work)

    def _run_chunks(self, tx: ManagedTransaction, query: str, rows: list[Row]) -> None:
        for chunk in split_chunks(rows, self._chunk):
            tx.run(query, {"rows": chunk}).consume()

    def _check_present(self, tx: ManagedTransaction, ids: list[NodeId]) -> None:
        missing: list[str] = []
        for chunk in split_chunks(ids, self._chunk):
            record = tx.run(cy.MISSING_NODES, {"ids": chunk}).single()
            missing.extend(record["missing"] if record else [])
        if missing:
            raise StoreError(f"batch not written: edges point at unknown nodes {missing[:5]}")

    def clear(self) -> None:
        self._session.run_auto("clear the graph", cy.CLEAR)

    # --- stats and bulk ------------------------------------------------------------
    def stats(self) -> StoreStats:
        nodes, edges = self._session.read_steps(
            "count the graph", [(cy.NODE_COUNTS, {}), (cy.EDGE_COUNTS, {})]
        )
        counts = {str(r["kind"]): int(r["count"]) for r in nodes}
        loaded = sum(int(r["loaded"]) for r in nodes if r["kind"] == NodeKind.CABLE.value)
        by_type = {str(r["kind"]): int(r["count"]) for r in edges}
        return StoreStats(
            nodes={k.value: counts.get(k.value, 0) for k in NodeKind},
            edges={k.value: by_type.get(k.value, 0) for k in EdgeKind},
            cables_in_corpus=loaded,
            placeholders=counts.get(NodeKind.CABLE.value, 0) - loaded,
        )

    def iter_nodes(
        self, kinds: Sequence[NodeKind] = (), *, with_text: bool = True
    ) -> Iterator[Node]:
        """Every node with all its props (without header and body unless ``with_text``),
        by id, read in pages (one transaction each)."""
        after, names = "", [k.value for k in kinds]
        query = cy.ITER_NODES if with_text else cy.ITER_NODES_LIGHT
        while page := self._session.read(
            "read nodes", query, {"after": after, "kinds": names, "first": _PAGE}
        ):
            nodes = [to_node(record) for record in page]
            yield from nodes
            after = nodes[-1].id

    def iter_edges(self, kinds: Sequence[EdgeKind] = ()) -> Iterator[Edge]:
        """Every edge, grouped by source id, read in pages of sources."""
        after, names = "", [k.value for k in kinds]
        while page := self._session.read(
            "read edges", cy.ITER_EDGES, {"after": after, "kinds": names, "first": _PAGE}
        ):
            for record in page:
                yield from (to_edge(edge) for edge in record["edges"])
            after = str(page[-1]["after"])
