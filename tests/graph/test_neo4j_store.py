"""Unit tests of the Neo4j store that need no server: settings, secrets, error mapping,
chunked ``UNWIND ... MERGE`` writes (nodes first, then relationships, schema first),
property conversion of real cables, and the reads' handling of records — through a fake
driver that records every statement and its parameters.

The same store runs the whole contract suite against a real server whenever
``NEO4J_URI`` is set (tests/graph/conftest.py, docker/compose.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

import graph.neo4j_session
from graph import neo4j_cypher as cy
from graph.model import (
    FULL_CLEARANCE,
    NEVER,
    Clearance,
    Edge,
    EdgeKind,
    GraphBatch,
    Level,
    ModelError,
    Node,
    NodeKind,
    make_id,
)
from graph.neo4j_lint import FULL_FILTER, LINTED_HOPS, all_statements
from graph.neo4j_rows import ChunkSizeError, to_edge, to_edge_row, to_node, to_node_row
from graph.neo4j_session import Session
from graph.neo4j_store import Neo4jStore
from graph.neo4j_traverse import MAX_HOPS, BoundError
from graph.store import CableFilter, CableOrder, ChainDirection, NotFoundError, StoreError
from graph.stores import StoreSettings, parse_store_uri
from loaders.read import ParseResult, iter_path
from loaders.record import Cable
from loaders.to_graph import cable_to_batch

PASSWORD = "s3cret-Pa55"
SETTINGS = StoreSettings("neo4j", "bolt://db.example:7687", "ann", PASSWORD, "cables")

# --- a fake of the neo4j driver, recording every statement it is sent ---------------------

Answer = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass
class Sent:
    query: str
    params: dict[str, Any]
    mode: str  # "read" | "write" | "auto"
    tx: int  # transaction number (auto-commit statements get their own)


class FakeResult:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self._records = records

    def data(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._records]

    def single(self) -> dict[str, Any] | None:
        return self._records[0] if self._records else None

    def consume(self) -> None:
        return None


class FakeTx:
    def __init__(self, driver: FakeDriver, mode: str, number: int) -> None:
        self._driver, self._mode, self._number = driver, mode, number

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        params = dict(parameters or {})
        self._driver.sent.append(Sent(query, params, self._mode, self._number))
        if self._driver.fail is not None:
            raise self._driver.fail
        return FakeResult(self._driver.answer(query, params))


class FakeSession:
    def __init__(self, driver: FakeDriver) -> None:
        self._driver = driver

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _transaction(self, mode: str, work: Callable[[FakeTx], Any]) -> Any:
        self._driver.transactions += 1
        return work(FakeTx(self._driver, mode, self._driver.transactions))

    def execute_read(self, work: Callable[[FakeTx], Any]) -> Any:
        return self._transaction("read", work)

    def execute_write(self, work: Callable[[FakeTx], Any]) -> Any:
        return self._transaction("write", work)

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> FakeResult:
        return self._transaction("auto", lambda tx: tx.run(query, parameters))  # type: ignore[no-any-return]


@dataclass
class FakeDriver:
    """Answers every statement with ``answer(query, params)`` (no records by default);
    raises ``fail`` from every statement when set."""

    answer: Answer = field(default=lambda query, params: [])
    fail: BaseException | None = None
    sent: list[Sent] = field(default_factory=list)
    transactions: int = 0
    databases: list[str] = field(default_factory=list)
    closed: bool = False

    def session(self, database: str) -> FakeSession:
        self.databases.append(database)
        return FakeSession(self)

    def verify_connectivity(self) -> None:
        if self.fail is not None:
            raise self.fail

    def close(self) -> None:
        self.closed = True

    def queries(self, mode: str | None = None) -> list[str]:
        return [s.query for s in self.sent if mode is None or s.mode == mode]


@dataclass
class FakeGraphDatabase:
    """Stands in for ``neo4j.GraphDatabase``: hands out ``driver`` and records the call."""

    driver_: FakeDriver
    calls: list[tuple[str, tuple[str, str]]] = field(default_factory=list)

    def driver(self, uri: str, auth: tuple[str, str]) -> FakeDriver:
        self.calls.append((uri, auth))
        return self.driver_


# --- fixtures ---------------------------------------------------------------------------


@pytest.fixture
def fake() -> FakeDriver:
    return FakeDriver()


@pytest.fixture
def store(fake: FakeDriver) -> Iterator[Neo4jStore]:
    opened = Neo4jStore(Session(fake, SETTINGS), chunk_size=1000)  # type: ignore[arg-type]
    yield opened
    opened.close()


def cables_of(results: list[ParseResult]) -> list[Cable]:
    return [r for r in results if isinstance(r, Cable)]


@pytest.fixture(scope="module")
def real_batches() -> list[GraphBatch]:
    """The batches of the seed cable and 40 Cablegate pages, as the loaders make them."""
    from tests.conftest import CABLEGATE, SEED

    paths = [SEED, *sorted(Path(CABLEGATE).glob("*.html"))[:40]]
    cables = [c for path in paths for c in cables_of(list(iter_path(path)))]
    assert len(cables) == 41
    return [cable_to_batch(c) for c in cables]


def post(key: str) -> Node:
    return Node(make_id(NodeKind.POST, key), NodeKind.POST, key, {"key": key})


def params_used(query: str) -> set[str]:
    return set(re.findall(r"\$(\w+)", query))


# --- settings and secrets ------------------------------------------------------------------


def test_settings_come_from_the_uri_and_the_environment() -> None:
    env = {
        "NEO4J_USER": "ann",
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_DATABASE": "cables",
    }
    settings = parse_store_uri("neo4j+s://db.example:7687", env=env)
    assert (settings.backend, settings.location) == ("neo4j", "neo4j+s://db.example:7687")
    assert (settings.user, settings.password, settings.database) == ("ann", PASSWORD, "cables")
    from_env = parse_store_uri(None, env={"NEO4J_URI": "bolt://neo4j:7687"})
    assert (from_env.backend, from_env.user, from_env.database) == ("neo4j", "neo4j", "neo4j")


def test_connect_uses_the_settings_and_keeps_the_password_out_of_repr(
    fake: FakeDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    factory = FakeGraphDatabase(fake)
    monkeypatch.setattr(graph.neo4j_session, "GraphDatabase", factory)
    store = Neo4jStore.connect(SETTINGS)
    assert factory.calls == [("bolt://db.example:7687", ("ann", PASSWORD))]
    assert set(fake.databases) == {"cables"}
    assert PASSWORD not in repr(store) and PASSWORD not in str(store)
    assert "bolt://db.example:7687" in repr(store)
    store.close()
    assert fake.closed


def test_connect_to_no_server_is_a_store_error_without_the_password() -> None:
    settings = StoreSettings("neo4j", "bolt://127.0.0.1:9", "ann", PASSWORD)
    with pytest.raises(StoreError) as caught:
        Neo4jStore.connect(settings)
    message = str(caught.value)
    assert "bolt://127.0.0.1:9" in message and "connect" in message
    assert PASSWORD not in message


def test_a_malformed_uri_is_a_store_error() -> None:
    settings = StoreSettings("neo4j", "bolt://ann:" + PASSWORD + "@[bad", "ann", PASSWORD)
    with pytest.raises(StoreError) as caught:
        Neo4jStore.connect(settings)
    assert PASSWORD not in str(caught.value)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ServiceUnavailable(f"cannot reach bolt://ann:{PASSWORD}@db:7687"), "ServiceUnavailable"),
        (AuthError(f"wrong password {PASSWORD}"), "authentication failed"),
        (ClientError(f"syntax error near {PASSWORD}"), "ClientError"),
    ],
)
def test_driver_errors_become_store_errors_without_secrets(
    fake: FakeDriver, store: Neo4jStore, error: Exception, expected: str
) -> None:
    fake.fail = error
    for call in (
        lambda: store.get_nodes(["post:TOKYO"], FULL_CLEARANCE),
        lambda: store.write(GraphBatch(nodes=(post("TOKYO"),))),
        store.clear,
    ):
        with pytest.raises(StoreError) as caught:
            call()
        message = str(caught.value)
        assert expected in message
        assert PASSWORD not in message
        assert "Neo4j at bolt://db.example:7687" in message
    assert store.ping() is False


# --- writing ------------------------------------------------------------------------------


def test_schema_is_created_before_the_first_write(
    fake: FakeDriver, monkeypatch: pytest.MonkeyPatch, real_batches: list[GraphBatch]
) -> None:
    monkeypatch.setattr(graph.neo4j_session, "GraphDatabase", FakeGraphDatabase(fake))
    store = Neo4jStore.connect(SETTINGS)
    store.write(real_batches[0])
    queries = fake.queries()
    first_write = next(i for i, q in enumerate(queries) if q.startswith("UNWIND $rows"))
    assert queries[: len(cy.SCHEMA)] == list(cy.SCHEMA)
    assert queries[len(cy.SCHEMA)] == cy.AWAIT_INDEXES
    assert first_write == len(cy.SCHEMA) + 1
    assert all(s.mode == "auto" for s in fake.sent[:first_write])
    assert "REQUIRE n.id IS UNIQUE" in cy.SCHEMA[0] and "FOR (n:Node)" in cy.SCHEMA[0]


def test_a_batch_is_unwind_merge_nodes_first_then_relationships_in_one_transaction(
    fake: FakeDriver, store: Neo4jStore, real_batches: list[GraphBatch]
) -> None:
    seed = real_batches[0]
    store.write(seed)
    writes = [s for s in fake.sent if s.mode == "write"]
    assert {s.tx for s in writes} == {writes[0].tx}
    node_writes = [s for s in writes if s.query in cy.NODE_WRITES.values()]
    edge_writes = [s for s in writes if s.query in cy.EDGE_WRITES.values()]
    assert writes.index(edge_writes[0]) > writes.index(node_writes[-1])
    assert all(s.query.startswith("UNWIND $rows AS row\n") for s in node_writes + edge_writes)
    assert all("MERGE (n:Node {id: row.id})" in s.query for s in node_writes)
    assert sum(len(s.params["rows"]) for s in node_writes) == len(seed.nodes)
    assert sum(len(s.params["rows"]) for s in edge_writes) == len(seed.edges)
    kinds = {e.kind for e in seed.edges}
    sent_types = {re.search(r"\[r:(\w+)\]", s.query).group(1) for s in edge_writes}  # type: ignore[union-attr]
    assert sent_types == {k.value for k in kinds}
    for s in edge_writes:
        kind = EdgeKind(re.search(r"\[r:(\w+)\]", s.query).group(1))  # type: ignore[union-attr]
        expected = [to_edge_row(e) for e in seed.edges if e.kind is kind]
        assert s.params["rows"] == expected


def test_rows_are_split_into_chunks_of_the_chosen_size(fake: FakeDriver) -> None:
    store = Neo4jStore(Session(fake, SETTINGS), chunk_size=5000)  # type: ignore[arg-type]
    posts = tuple(post(f"P{i}") for i in range(12_345))
    store.write(GraphBatch(nodes=posts))
    sizes = [len(s.params["rows"]) for s in fake.sent if s.query == cy.NODE_WRITES[NodeKind.POST]]
    assert sizes == [5000, 5000, 2345]
    assert len({s.tx for s in fake.sent}) == 1  # one batch, one transaction
    assert [r["id"] for s in fake.sent for r in s.params["rows"]] == [p.id for p in posts]


@pytest.mark.parametrize("size", [0, 999, 10_001])
def test_chunk_sizes_outside_1k_10k_are_refused(fake: FakeDriver, size: int) -> None:
    with pytest.raises(ChunkSizeError, match=str(size)):
        Neo4jStore(Session(fake, SETTINGS), chunk_size=size)  # type: ignore[arg-type]


def test_an_edge_to_a_node_outside_the_batch_is_checked_and_refused(
    fake: FakeDriver, store: Neo4jStore
) -> None:
    fake.answer = lambda q, p: [{"missing": ["tag:NOWHERE"]}] if q == cy.MISSING_NODES else []
    cable = Node("cable:08STATE1", NodeKind.CABLE, "08STATE1", {"in_corpus": True})
    batch = GraphBatch((cable,), (Edge(cable.id, EdgeKind.TAGGED, "tag:NOWHERE"),))
    with pytest.raises(StoreError, match="tag:NOWHERE"):
        store.write(batch)
    checked = [s for s in fake.sent if s.query == cy.MISSING_NODES]
    assert checked[0].params == {"ids": ["tag:NOWHERE"]}
    assert not any(s.query in cy.EDGE_WRITES.values() for s in fake.sent)


def test_a_disallowed_edge_is_refused_before_anything_is_sent(
    fake: FakeDriver, store: Neo4jStore
) -> None:
    cable = Node("cable:08STATE1", NodeKind.CABLE, "08STATE1")
    wrong = Edge(cable.id, EdgeKind.SENT, "post:STATE")
    with pytest.raises(ModelError, match="SENT"):
        store.write(GraphBatch((cable, post("STATE")), (wrong,)))
    assert fake.sent == []


def test_real_cables_become_neo4j_properties_and_read_back_unchanged(
    real_batches: list[GraphBatch],
) -> None:
    scalar = (str, int, float, bool)
    for batch in real_batches:
        for node in batch.nodes:
            row = to_node_row(node)
            for key, value in row["props"].items():
                ok = isinstance(value, scalar) or (
                    isinstance(value, list) and all(isinstance(v, str) for v in value)
                )
                assert ok, (node.id, key, value)
            stored = {**row["props"], "level": node.level, "level_rel": node.level_rel}
            assert to_node({"kind": node.kind.value, "props": stored}) == node
        for edge in batch.edges:
            row = to_edge_row(edge)
            assert not any(isinstance(v, dict) or v is None for v in row["props"].values())
            record = {**row, "kind": edge.kind.value}
            assert to_edge(record) == edge


def test_cable_rows_say_whether_the_cable_is_loaded(real_batches: list[GraphBatch]) -> None:
    seed = real_batches[0]
    rows = {n.id: to_node_row(n) for n in seed.nodes}
    assert rows["cable:08STATE68633"]["loaded"] is True
    placeholders = [n.id for n in seed.nodes if n.props.get("in_corpus") is False]
    assert len(placeholders) == 4
    assert all(rows[i]["loaded"] is False for i in placeholders)
    assert all(r["loaded"] is None for i, r in rows.items() if not i.startswith("cable:"))


def test_clear_runs_in_batched_auto_commit_transactions(
    fake: FakeDriver, store: Neo4jStore
) -> None:
    store.clear()
    assert [(s.query, s.mode) for s in fake.sent] == [(cy.CLEAR, "auto")]
    assert "IN TRANSACTIONS OF" in cy.CLEAR


# --- reading --------------------------------------------------------------------------------

A, B, D = "cable:08STATE1", "cable:08TOKYO10", "cable:07TOKYO5"


def record(node: Node) -> dict[str, Any]:
    """A node record as the statements return it (stored properties)."""
    row = to_node_row(node)
    return {
        "kind": node.kind.value,
        "props": {**row["props"], "level": node.level, "level_rel": node.level_rel},
    }


NODES = {
    A: Node(A, NodeKind.CABLE, "08STATE1", {"date": "2008-01-10", "in_corpus": True}),
    B: Node(B, NodeKind.CABLE, "08TOKYO10", {"date": "2008-01-05", "in_corpus": True}, 1, 1),
    D: Node(D, NodeKind.CABLE, "07TOKYO5", {"date": "2007-12-20", "in_corpus": True}, 2, 2),
    "post:TOKYO": post("TOKYO"),
    "cable:08KABUL3": Node("cable:08KABUL3", NodeKind.CABLE, "08KABUL3", {}, 1, NEVER),
}


def graph_answer(query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Records shaped like the server's for each kind of statement."""
    found = [{"node": record(NODES[i]), "depth": d} for i, d in ((B, 1), (D, 2), ("post:TOKYO", 2))]
    if query == cy.GET_NODES:
        return [record(NODES[i]) for i in params["ids"] if i in NODES]
    if query.endswith("AS start, found"):
        return [{"start": record(NODES[A]), "found": found}] if params["id"] == A else []
    if query.endswith("AS starts, found, cut"):
        starts = [record(NODES[i]) for i in params["ids"] if i in NODES]
        return [
            {
                "starts": starts[: params["limit"]],
                "found": found,
                "cut": len(starts) > params["limit"],
            }
        ]
    if "RETURN count(c) AS total" in query:
        return [{"total": 2}]
    if query.startswith("MATCH (a:Node {id: $source})"):
        edge = {"source": A, "kind": "CITES", "target": B, "props": {"bullet": "A"}}
        return [{"nodes": [record(NODES[A]), record(NODES[B])], "edges": [edge]}]
    return []


@pytest.fixture
def graph_store(fake: FakeDriver, store: Neo4jStore) -> Neo4jStore:
    fake.answer = graph_answer
    return store


def exercise_every_read(store: Neo4jStore) -> None:
    """Call every read with the filters and bounds that all_statements() lints."""
    clearance = Clearance(Level.CONFIDENTIAL)
    store.get_nodes([A, B], clearance)
    store.edges([A], clearance, edge_kinds=[EdgeKind.CITES], node_kinds=[NodeKind.CABLE])
    for where in (FULL_FILTER, CableFilter()):
        for order in CableOrder:
            store.find_cables(where, clearance, order=order)
        store.timeline(where, clearance)
    store.search("Japan survey", clearance, kinds=[NodeKind.CABLE])
    store.search("--", clearance)
    for hops in LINTED_HOPS:
        for direction in ChainDirection:
            store.reference_chain(A, clearance, direction, max_depth=hops)
        store.neighborhood([A], clearance, depth=hops, date_from="2008-01-01")
        store.shortest_path(A, B, clearance, max_length=hops)
    store.degrees([A], clearance)
    store.stats()
    list(store.iter_nodes([NodeKind.CABLE]))
    list(store.iter_edges())


def test_every_statement_sent_is_linted_and_gets_exactly_its_params(
    fake: FakeDriver, graph_store: Neo4jStore, real_batches: list[GraphBatch]
) -> None:
    exercise_every_read(graph_store)
    graph_store.write(real_batches[0])
    graph_store.clear()
    linted = {s.query for s in all_statements()}
    assert [s.query for s in fake.sent if s.query not in linted] == []
    for sent in fake.sent:
        assert params_used(sent.query) == set(sent.params), sent.query
    assert {s.mode for s in fake.sent if s.query in (cy.GET_NODES, cy.EDGES)} == {"read"}


def test_clearance_is_sent_with_every_read(fake: FakeDriver, graph_store: Neo4jStore) -> None:
    exercise_every_read(graph_store)
    visible_reads = [s for s in fake.sent if "$level" in s.query]
    assert len(visible_reads) > 20
    assert all((s.params["level"], s.params["noforn"]) == (1, False) for s in visible_reads)


def test_chain_limit_keeps_the_closest_and_says_truncated(
    fake: FakeDriver, graph_store: Neo4jStore
) -> None:
    chain = graph_store.reference_chain(A, FULL_CLEARANCE, max_depth=3, limit=3)
    assert chain.depth == {A: 0, B: 1, D: 2}
    assert [n.id for n in chain.nodes] == [A, B, D]
    assert chain.truncated is True
    among = [s for s in fake.sent if s.query == cy.EDGES_AMONG][-1]
    assert among.params == {"ids": [A, B, D], "edge_kinds": ["CITES"]}
    whole = graph_store.reference_chain(A, FULL_CLEARANCE, max_depth=3, limit=500)
    assert whole.truncated is False and len(whole.nodes) == 4


def test_chain_of_a_hidden_or_missing_cable_is_not_found(graph_store: Neo4jStore) -> None:
    with pytest.raises(NotFoundError, match="cable:NOPE"):
        graph_store.reference_chain("cable:NOPE", FULL_CLEARANCE)
    with pytest.raises(NotFoundError, match="cable:NOPE"):
        graph_store.reference_chain("cable:NOPE", FULL_CLEARANCE, max_depth=0)
    assert graph_store.reference_chain(A, FULL_CLEARANCE, max_depth=0).depth == {A: 0}


@pytest.mark.parametrize("bad", [MAX_HOPS + 1, 10**6])
def test_traversal_bounds_beyond_the_cap_are_refused_before_sending(
    fake: FakeDriver, graph_store: Neo4jStore, bad: int
) -> None:
    with pytest.raises(BoundError, match=str(bad)):
        graph_store.reference_chain(A, FULL_CLEARANCE, max_depth=bad)
    with pytest.raises(BoundError, match=str(bad)):
        graph_store.neighborhood([A], FULL_CLEARANCE, depth=bad)
    assert not any("SHORTEST" in s.query for s in fake.sent)


def test_neighborhood_counts_starts_against_the_limit(graph_store: Neo4jStore) -> None:
    sub = graph_store.neighborhood([A, B, "cable:NOPE", A], FULL_CLEARANCE, limit=3)
    assert sub.depth == {A: 0, B: 0, D: 2}  # one place left: the closest found, B excluded
    assert sub.truncated is True
    only_starts = graph_store.neighborhood([A, B], FULL_CLEARANCE, depth=0)
    assert only_starts.depth == {A: 0, B: 0}


def test_path_reads_nodes_and_edges_in_path_order(graph_store: Neo4jStore) -> None:
    path = graph_store.shortest_path(A, B, FULL_CLEARANCE)
    assert path is not None
    assert [n.id for n in path.nodes] == [A, B]
    assert path.edges == (Edge(A, EdgeKind.CITES, B, {"bullet": "A"}),)
    assert path.depth == {A: 0, B: 1}
    itself = graph_store.shortest_path(A, A, FULL_CLEARANCE)
    assert itself is not None and [n.id for n in itself.nodes] == [A] and itself.edges == ()
    with pytest.raises(NotFoundError, match="post:NOWHERE"):
        graph_store.shortest_path(A, "post:NOWHERE", FULL_CLEARANCE)


def test_edges_build_one_page_per_centre(fake: FakeDriver, store: Neo4jStore) -> None:
    edge = {"source": "post:TOKYO", "kind": "SENT", "target": D, "props": {}}
    items = [{"edge": edge, "node": record(NODES[D])}]
    fake.answer = lambda q, p: [{"id": "post:TOKYO", "total": 3, "page": items}]
    pages = store.edges(["post:TOKYO", "post:TOKYO"], FULL_CLEARANCE, first=-1, offset=-5)
    page = pages["post:TOKYO"]
    assert page.total == 3
    assert page.edges == (Edge("post:TOKYO", EdgeKind.SENT, D),)
    assert page.nodes == (NODES[D],)
    sent = fake.sent[-1].params
    assert (sent["ids"], sent["first"], sent["offset"], sent["direction"]) == (
        ["post:TOKYO"],
        0,
        0,
        "BOTH",
    )


def test_search_without_a_word_looks_up_ids_only(fake: FakeDriver, store: Neo4jStore) -> None:
    assert store.search("   ", FULL_CLEARANCE) == []
    assert store.search("Japan", FULL_CLEARANCE, first=0) == []
    assert fake.sent == []
    store.search("--", FULL_CLEARANCE)
    assert [s.query for s in fake.sent] == [cy.SEARCH_IDS]
    store.search("08state1 japan", FULL_CLEARANCE)
    assert fake.sent[-1].query == cy.SEARCH
    assert fake.sent[-1].params["query"] == "08state1* AND japan*"
    assert fake.sent[-1].params["ids"][0] == "08state1 japan"


def test_stats_name_every_kind(fake: FakeDriver, store: Neo4jStore) -> None:
    def answer(query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        if query == cy.NODE_COUNTS:
            return [
                {"kind": "Cable", "count": 6, "loaded": 5},
                {"kind": "Post", "count": 3, "loaded": 0},
            ]
        return [{"kind": "CITES", "count": 6}]

    fake.answer = answer
    stats = store.stats()
    assert stats.nodes == {k.value: {"Cable": 6, "Post": 3}.get(k.value, 0) for k in NodeKind}
    assert stats.edges == {k.value: 6 if k is EdgeKind.CITES else 0 for k in EdgeKind}
    assert (stats.cables_in_corpus, stats.placeholders) == (5, 1)


def test_iter_nodes_pages_by_id(fake: FakeDriver, store: Neo4jStore) -> None:
    pages = [[record(NODES[D]), record(NODES[A])], [record(NODES[B])], []]
    fake.answer = lambda q, p: pages.pop(0)
    assert [n.id for n in store.iter_nodes()] == [D, A, B]
    assert [s.params["after"] for s in fake.sent] == ["", A, B]
    assert len({s.tx for s in fake.sent}) == 3
