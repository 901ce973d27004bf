"""The access-control matrix: anonymous (UNCLASSIFIED by policy), an UNCLASSIFIED token,
a SECRET token without NOFORN, and a write token cleared for everything, over every
query kind. A cable above the caller's clearance is invisible everywhere — lists,
counts, search, lookups, chains, paths, neighbourhoods, relationship connections — and
the mutation needs the write scope.

Expected answers come from the store read directly with full clearance and the
``level``/``level_rel`` of every node (``corpus_levels``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from graph.model import FULL_CLEARANCE, EdgeKind, Node, NodeKind
from graph.sqlite_store import SQLiteStore
from graph.store import ChainDirection, Direction, Store
from tests.api.conftest import MakeClient
from tests.api.graphql_client import GraphQLClient, Reply
from tests.api.test_auth import CALLER_IDS, CALLERS, Caller, matrix_settings

Levels = dict[str, tuple[int, int]]
SUBGRAPH = "nodes { id } edges { source target } json"

pytestmark = pytest.mark.parametrize("caller", CALLERS, ids=CALLER_IDS)


@pytest.fixture
def client(make_client: MakeClient) -> GraphQLClient:
    return make_client(matrix_settings(anonymous="UNCLASSIFIED"))


def query(client: GraphQLClient, caller: Caller, document: str, **variables: Any) -> Any:
    return client.query(document, variables, caller.headers).ok()


def assert_all_visible(caller: Caller, ids: Iterable[str], levels: Levels) -> set[str]:
    seen = set(ids)
    hidden = sorted(i for i in seen if not caller.can_see(*levels[i]))
    assert hidden == [], f"{caller.name} was shown {hidden[:5]}"
    return seen


def first_cable(cables: dict[str, Node], level: int, level_rel: int) -> str:
    """The first loaded cable (by id) with these visibility values."""
    return min(i for i, n in cables.items() if (n.level, n.level_rel) == (level, level_rel))


@pytest.fixture(scope="module")
def samples(corpus_db: Path) -> dict[str, str]:
    """Cables of each visibility class, and start points whose surroundings mix them."""
    store = SQLiteStore.open(str(corpus_db))
    try:
        cables = {n.id: n for n in store.iter_nodes([NodeKind.CABLE]) if n.props.get("in_corpus")}
        return {
            "unclassified": first_cable(cables, 0, 0),
            "confidential": first_cable(cables, 1, 1),
            "secret": first_cable(cables, 2, 2),
            "noforn": first_cable(cables, 2, 99),
            "chain_start": mixed_chain_start(store, cables),
        }
    finally:
        store.close()


def mixed_chain_start(store: Store, cables: dict[str, Node]) -> str:
    """The least classified cable whose full reference chain holds nodes more
    restricted than itself (a CONFIDENTIAL cable reaching SECRET and NOFORN ones)."""
    for cable_id in sorted(cables, key=lambda i: (cables[i].level_rel, i)):
        chain = store.reference_chain(cable_id, FULL_CLEARANCE, ChainDirection.BOTH, 4)
        rels = {n.level_rel for n in chain.nodes}
        if max(rels) == 99 and len(rels) > 2:
            return cable_id
    raise AssertionError("no cable's chain mixes classification levels")


def test_cable_list_counts_and_timeline(
    client: GraphQLClient, caller: Caller, corpus_cables: dict[str, Node], corpus_levels: Levels
) -> None:
    expected = {i for i, n in corpus_cables.items() if caller.can_see(n.level, n.level_rel)}
    seen: set[str] = set()
    after = None
    while True:
        page = query(
            client,
            caller,
            "query P($after: String) { cables(first: 500, after: $after) "
            "{ totalCount pageInfo { hasNextPage endCursor } nodes { id } } }",
            after=after,
        )["cables"]
        assert page["totalCount"] == len(expected)
        seen |= {n["id"] for n in page["nodes"]}
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == expected
    assert_all_visible(caller, seen, corpus_levels)
    stats = query(client, caller, "{ stats { visibleCables } }")["stats"]
    assert stats["visibleCables"] == len(expected)
    years = query(client, caller, "{ timeline(bucket: YEAR) { period count } }")["timeline"]
    dated = {i for i in expected if corpus_cables[i].props.get("date")}
    assert sum(b["count"] for b in years) == len(dated)


def test_lookups_and_search(
    client: GraphQLClient, caller: Caller, samples: dict[str, str], corpus_levels: Levels
) -> None:
    for name in ("unclassified", "confidential", "secret", "noforn"):
        node_id = samples[name]
        visible = caller.can_see(*corpus_levels[node_id])
        bare = node_id.removeprefix("cable:")
        data = query(
            client,
            caller,
            "query L($id: ID!, $bare: ID!, $text: String!) { node(id: $id) { id } "
            "cable(id: $bare) { id } search(text: $text, first: 50) { id } }",
            id=node_id,
            bare=bare,
            text=bare,
        )
        assert (data["node"] is not None, data["cable"] is not None) == (visible, visible), name
        hits = assert_all_visible(caller, (h["id"] for h in data["search"]), corpus_levels)
        assert (node_id in hits) is visible, name


def test_reference_chain(
    client: GraphQLClient, caller: Caller, samples: dict[str, str], corpus_levels: Levels
) -> None:
    start = samples["chain_start"]
    reply = client.query(
        f"query C($id: ID!) {{ referenceChain(id: $id, maxDepth: 4) {{ {SUBGRAPH} }} }}",
        {"id": start},
        caller.headers,
    )
    if not caller.can_see(*corpus_levels[start]):
        assert reply.data is None
        assert reply.codes == ["NOT_FOUND"]
        return
    data = reply.ok()["referenceChain"]
    ids = assert_all_visible(caller, (n["id"] for n in data["nodes"]), corpus_levels)
    assert start in ids
    assert_all_visible(caller, (n["id"] for n in data["json"]["nodes"]), corpus_levels)
    for edge in data["edges"] + data["json"]["edges"]:
        assert {edge["source"], edge["target"]} <= ids
    if caller.clearance == FULL_CLEARANCE:
        assert any(corpus_levels[i][1] == 99 for i in ids), "the chain must reach NOFORN"


def path_reply(client: GraphQLClient, caller: Caller, target: str) -> Reply:
    return client.query(
        f'query P($to: ID!) {{ path(from: "post:STATE", to: $to) {{ {SUBGRAPH} }} }}',
        {"to": target},
        caller.headers,
    )


def test_path_never_crosses_or_reaches_a_hidden_cable(
    client: GraphQLClient, caller: Caller, samples: dict[str, str], corpus_levels: Levels
) -> None:
    ghost_id = "cable:99NOWHERE1"
    ghost = path_reply(client, caller, ghost_id)
    for name in ("secret", "noforn", "unclassified"):
        target = samples[name]
        reply = path_reply(client, caller, target)
        if not caller.can_see(*corpus_levels[target]):
            # a hidden cable answers exactly like one that does not exist
            assert (reply.data, reply.codes) == (ghost.data, ghost.codes), name
            messages = [e["message"].replace(target, "?") for e in reply.errors]
            assert messages == [e["message"].replace(ghost_id, "?") for e in ghost.errors]
            continue
        data = reply.ok()["path"]
        assert data is not None, f"{caller.name} should reach {target}"
        ids = assert_all_visible(caller, (n["id"] for n in data["nodes"]), corpus_levels)
        assert {"post:STATE", target} <= ids


def test_neighborhood(
    client: GraphQLClient, caller: Caller, corpus_levels: Levels, samples: dict[str, str]
) -> None:
    data = query(
        client,
        caller,
        f'{{ neighborhood(ids: ["post:STATE"], depth: 1, limit: 2000) {{ {SUBGRAPH} }} }}',
    )["neighborhood"]
    ids = assert_all_visible(caller, (n["id"] for n in data["nodes"]), corpus_levels)
    assert_all_visible(caller, (n["id"] for n in data["json"]["nodes"]), corpus_levels)
    for edge in data["edges"]:
        assert {edge["source"], edge["target"]} <= ids
    if caller.clearance == FULL_CLEARANCE:
        assert any(corpus_levels[i][1] == 99 for i in ids), "STATE's neighbours include NOFORN"


def far_ends(corpus_db: Path, node_id: str, kind: EdgeKind, direction: Direction) -> list[Node]:
    """The nodes at the far end of ``node_id``'s edges of one kind, read with full clearance."""
    store = SQLiteStore.open(str(corpus_db))
    try:
        pages = store.edges([node_id], FULL_CLEARANCE, direction, [kind], first=5000)
        return list(pages[node_id].nodes)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("node_id", "field", "kind", "direction"),
    [
        ("post:STATE", "... on Post { rel: sent", EdgeKind.SENT, Direction.OUT),
        ("post:STATE", "... on Post { rel: received", EdgeKind.SENT_TO, Direction.IN),
        ("country:AF", "... on Country { rel: cables", EdgeKind.MENTIONS, Direction.IN),
    ],
    ids=["post.sent", "post.received", "country.cables"],
)
def test_relationship_connections(
    client: GraphQLClient,
    caller: Caller,
    corpus_db: Path,
    corpus_levels: Levels,
    node_id: str,
    field: str,
    kind: EdgeKind,
    direction: Direction,
) -> None:
    every = far_ends(corpus_db, node_id, kind, direction)
    expected = {n.id for n in every if caller.can_see(n.level, n.level_rel)}
    if caller.clearance == FULL_CLEARANCE:
        assert any(n.level_rel > 0 for n in every), "the connection must hold hidden cables"
    data = query(
        client,
        caller,
        f"query R($id: ID!) {{ node(id: $id) {{ {field}(first: 500) "
        "{ totalCount nodes { id } } } } }",
        id=node_id,
    )["node"]
    assert data["rel"]["totalCount"] == len(expected)
    ids = assert_all_visible(caller, (n["id"] for n in data["rel"]["nodes"]), corpus_levels)
    assert len(ids) == min(500, len(expected))
    assert ids <= expected


def test_mutation_needs_the_write_scope(
    make_client: MakeClient, caller: Caller, seed_path: Path, tmp_path: Path
) -> None:
    store = SQLiteStore.open(str(tmp_path / "write.db"))
    client = make_client(matrix_settings(), store=store)
    content = seed_path.read_text(encoding="utf-8")
    reply = client.query(
        "mutation M($docs: [DocumentInput!]!) { ingest(documents: $docs) { cables failed } }",
        {"docs": [{"source": seed_path.name, "content": content}]},
        caller.headers,
    )
    if caller.can_write:
        assert reply.ok()["ingest"] == {"cables": 1, "failed": 0}
    else:
        assert reply.data is None
        assert reply.codes == ["FORBIDDEN"]
        assert caller.name in reply.errors[0]["message"]
    count = client.query("{ stats { visibleCables } }", None, CALLERS[-1].headers)
    assert count.ok()["stats"]["visibleCables"] == (1 if caller.can_write else 0)


def test_with_anonymous_access_off_only_tokens_get_in(
    make_client: MakeClient, caller: Caller, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(matrix_settings(anonymous="none"))
    reply = client.query("{ stats { visibleCables } }", None, caller.headers)
    if caller.token is None:
        assert (reply.status, reply.data, reply.codes) == (401, None, ["UNAUTHENTICATED"])
    else:
        assert reply.ok()["stats"]["visibleCables"] > 0
    forged = {"Authorization": f"Bearer {caller.token or 'x'}-forged"}
    refused = client.query("{ stats { visibleCables } }", None, forged)
    assert (refused.status, refused.codes) == (401, ["UNAUTHENTICATED"])
    assert refused.errors[0]["message"] == "unauthenticated: invalid token"
    assert "-forged" not in caplog.text
    assert all(c.token is None or c.token not in caplog.text for c in CALLERS)
