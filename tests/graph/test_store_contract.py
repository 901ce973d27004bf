"""The store contract, part 1: a small canonical graph, writing and merge rules.

Every test runs against every backend through the ``store`` fixture and the ``Store``
protocol only. The canonical graph (written cable by cable, as the loaders do, so each
citing cable brings placeholders for the cables it cites)::

    E 07TOKYO1  U  2007-11-01  TOKYO
    D 07TOKYO5  S  2007-12-20  TOKYO        CITES E
    B 08TOKYO10 C  2008-01-05  TOKYO -> STATE  CITES D
    A 08STATE1  U  2008-01-10  STATE -> TOKYO  CITES B, C (never loaded), reference
    N 08KABUL3  C//NOFORN 2008-02-03 KABUL -> STATE  CITES A

Clearances: U sees A, E; C adds B; S adds D; N needs NOFORN.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

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
from graph.store import Store, StoreError

U = Clearance(Level.UNCLASSIFIED)
C = Clearance(Level.CONFIDENTIAL)
S = Clearance(Level.SECRET)
CN = Clearance(Level.CONFIDENTIAL, noforn=True)

A, B, CC, D, E, N = (
    "cable:08STATE1",
    "cable:08TOKYO10",
    "cable:08STATE99",
    "cable:07TOKYO5",
    "cable:07TOKYO1",
    "cable:08KABUL3",
)
REF = make_id(NodeKind.REFERENCE, "08STATE1", "C")
POST = {key: make_id(NodeKind.POST, key) for key in ("STATE", "TOKYO", "KABUL")}
COUNTRY = {"STATE": "country:US", "TOKYO": "country:JA", "KABUL": "country:AF"}
DAVIES = "official:GLYN-DAVIES"


def cable_batch(
    cable_id: str,
    level: Level,
    date: str,
    origin: str,
    *,
    noforn: bool = False,
    to: Sequence[str] = (),
    cites: Sequence[str] = (),
    subject: str = "",
    body: str = "",
    tags: Sequence[tuple[str, str]] = (),
    mentions: Sequence[tuple[str, int]] = (),
) -> GraphBatch:
    """One cable's batch, shaped like ``loaders.to_graph`` output."""
    lvl, rel = int(level), NEVER if noforn else int(level)
    props = {
        "date": date,
        "subject": subject,
        "classification": level.name,
        "caveats": ("NOFORN",) if noforn else (),
        "body": body,
        "header": f"FM {origin}",
        "in_corpus": True,
    }
    bare = cable_id.removeprefix("cable:")
    nodes = [Node(cable_id, NodeKind.CABLE, bare, props, lvl, rel)]
    edges = [Edge(POST[origin], EdgeKind.SENT, cable_id)]
    for post in (origin, *to):
        nodes.append(Node(POST[post], NodeKind.POST, post, {"key": post}, lvl, rel))
        code = COUNTRY[post].removeprefix("country:")
        nodes.append(Node(COUNTRY[post], NodeKind.COUNTRY, code, {"code": code}, lvl, rel))
        edges.append(Edge(POST[post], EdgeKind.LOCATED_IN, COUNTRY[post]))
    for post in to:
        props_to = {"role": "action", "precedence": "IMMEDIATE"}
        edges.append(Edge(cable_id, EdgeKind.SENT_TO, POST[post], props_to))
    for cited in cites:
        if cited.startswith("reference:"):
            ref_props = {"key": cited, "kind": "message", "text": "SECDEF DTG 031932Z JUN 08"}
            nodes.append(Node(cited, NodeKind.REFERENCE, "SECDEF DTG", ref_props, lvl, rel))
        else:
            label = cited.removeprefix("cable:")
            nodes.append(Node(cited, NodeKind.CABLE, label, {"in_corpus": False}, lvl, rel))
        edges.append(Edge(cable_id, EdgeKind.CITES, cited, {"bullet": "A"}))
    for tag, country in tags:
        nodes.append(Node(tag, NodeKind.TAG, tag[4:], {"code": tag[4:], "kind": "geo"}, lvl, rel))
        edges.append(Edge(cable_id, EdgeKind.TAGGED, tag))
        edges.append(Edge(tag, EdgeKind.DENOTES, country))
    for target, count in mentions:
        kind = NodeKind.OFFICIAL if target.startswith("official:") else NodeKind.COUNTRY
        extra = {"titles": ("EAP Acting A/S",)} if kind is NodeKind.OFFICIAL else {}
        nodes.append(Node(target, kind, target.split(":")[1].title(), extra, lvl, rel))
        edges.append(Edge(cable_id, EdgeKind.MENTIONS, target, {"count": count}))
    return GraphBatch(tuple(nodes), tuple(edges))


def canonical_batches() -> list[GraphBatch]:
    """The canonical graph, oldest cable first."""
    return [
        cable_batch(E, Level.UNCLASSIFIED, "2007-11-01", "TOKYO", subject="Tokyo weather"),
        cable_batch(D, Level.SECRET, "2007-12-20", "TOKYO", cites=[E], subject="Secret airlift"),
        cable_batch(
            B,
            Level.CONFIDENTIAL,
            "2008-01-05",
            "TOKYO",
            to=["STATE"],
            cites=[D],
            subject="Japan survey team",
            tags=[("tag:JA", "country:JA")],
        ),
        cable_batch(
            A,
            Level.UNCLASSIFIED,
            "2008-01-10",
            "STATE",
            to=["TOKYO"],
            cites=[B, CC, REF],
            subject="Request to engage Japan on Afghanistan",
            body="Japanese CH-47 helicopters could fill the airlift shortfall.",
            tags=[("tag:JA", "country:JA")],
            mentions=[("country:JA", 2), (DAVIES, 1)],
        ),
        cable_batch(
            N,
            Level.CONFIDENTIAL,
            "2008-02-03",
            "KABUL",
            noforn=True,
            to=["STATE"],
            cites=[A],
            subject="Kabul reaction to Japan",
            tags=[("tag:AF", "country:AF")],
            mentions=[("country:AF", 4)],
        ),
    ]


def load_canonical(store: Store) -> None:
    for batch in canonical_batches():
        store.write(batch)


def node_ids(nodes: Sequence[Node]) -> list[str]:
    return [n.id for n in nodes]


# --- writing and merge rules -------------------------------------------------------------


def test_ping_answers(store: Store) -> None:
    assert store.ping() is True


def test_stats_count_the_canonical_graph(store: Store) -> None:
    load_canonical(store)
    stats = store.stats()
    assert stats.cables_in_corpus == 5
    assert stats.placeholders == 1  # only 08STATE99 was never loaded
    assert stats.nodes["Cable"] == 6
    assert stats.nodes["Post"] == 3
    assert stats.nodes["Reference"] == 1
    assert stats.nodes["Official"] == 1
    assert stats.edges["CITES"] == 6
    assert stats.edges["SENT"] == 5
    assert stats.edges["LOCATED_IN"] == 3
    assert stats.edges["DENOTES"] == 2
    assert set(stats.nodes) == {k.value for k in NodeKind}
    assert set(stats.edges) == {k.value for k in EdgeKind}


def test_rewriting_every_batch_changes_no_count(store: Store) -> None:
    load_canonical(store)
    before = store.stats()
    nodes_before = {n.id: n for n in store.iter_nodes()}
    load_canonical(store)
    assert store.stats() == before
    assert {n.id: n for n in store.iter_nodes()} == nodes_before


def test_placeholder_is_filled_in_not_duplicated(store: Store) -> None:
    batches = canonical_batches()
    store.write(batches[3])  # A alone: B is a placeholder
    b = store.get_nodes([B], FULL_CLEARANCE)[B]
    assert b.props["in_corpus"] is False
    assert store.stats().placeholders == 2
    store.write(batches[2])  # B loaded
    b = store.get_nodes([B], FULL_CLEARANCE)[B]
    assert b.props["in_corpus"] is True
    assert b.props["subject"] == "Japan survey team"
    assert store.stats().nodes["Cable"] == 4  # A, B, C placeholder, D placeholder
    assert store.stats().placeholders == 2


def test_placeholder_never_overwrites_a_loaded_cable(store: Store) -> None:
    batches = canonical_batches()
    store.write(batches[2])  # B loaded, CONFIDENTIAL
    store.write(batches[3])  # A (UNCLASSIFIED) cites B: a placeholder at level 0
    b = store.get_nodes([B], FULL_CLEARANCE)[B]
    assert b.props["in_corpus"] is True
    assert b.props["subject"] == "Japan survey team"
    assert (b.level, b.level_rel) == (1, 1)
    assert store.get_nodes([B], U) == {}


def test_loaded_cable_takes_its_own_level_over_a_placeholders(store: Store) -> None:
    batches = canonical_batches()
    store.write(batches[3])  # A cites B: placeholder B visible at level 0
    assert B in store.get_nodes([B], U)
    store.write(batches[2])  # B itself is CONFIDENTIAL
    assert store.get_nodes([B], U) == {}
    assert B in store.get_nodes([B], C)


def test_levels_of_shared_nodes_keep_the_minimum(store: Store) -> None:
    batches = canonical_batches()
    store.write(batches[1])  # D, SECRET, from TOKYO
    assert store.get_nodes([POST["TOKYO"]], C) == {}
    store.write(batches[0])  # E, UNCLASSIFIED, from TOKYO
    assert POST["TOKYO"] in store.get_nodes([POST["TOKYO"]], U)
    store.write(batches[1])  # writing D again does not raise it back
    assert POST["TOKYO"] in store.get_nodes([POST["TOKYO"]], U)


def test_official_titles_are_the_union_of_all_writes(store: Store) -> None:
    first = Node(DAVIES, NodeKind.OFFICIAL, "Glyn Davies", {"titles": ("EAP Acting A/S",)})
    second = Node(DAVIES, NodeKind.OFFICIAL, "Glyn Davies", {"titles": ("Ambassador",)})
    store.write(GraphBatch(nodes=(first,)))
    store.write(GraphBatch(nodes=(second,)))
    store.write(GraphBatch(nodes=(first,)))
    titles = store.get_nodes([DAVIES], FULL_CLEARANCE)[DAVIES].props["titles"]
    assert isinstance(titles, tuple)
    assert sorted(titles) == ["Ambassador", "EAP Acting A/S"]


def test_later_write_replaces_edge_and_node_props(store: Store) -> None:
    load_canonical(store)
    edge = Edge(A, EdgeKind.MENTIONS, "country:JA", {"count": 7})
    post = Node(POST["KABUL"], NodeKind.POST, "KABUL", {"key": "KABUL", "name": "AMEMBASSY KABUL"})
    store.write(GraphBatch(nodes=(post,), edges=(edge,)))
    page = store.edges([A], FULL_CLEARANCE, edge_kinds=[EdgeKind.MENTIONS])[A]
    counts = {e.target: e.props.get("count") for e in page.edges}
    assert counts["country:JA"] == 7
    assert store.get_nodes([POST["KABUL"]], FULL_CLEARANCE)[POST["KABUL"]].props["name"] == (
        "AMEMBASSY KABUL"
    )
    assert store.stats().edges["MENTIONS"] == 3


def test_disallowed_edge_is_refused_and_nothing_written(store: Store) -> None:
    cable = Node(A, NodeKind.CABLE, "08STATE1", {"in_corpus": True})
    post = Node(POST["STATE"], NodeKind.POST, "STATE")
    wrong = Edge(A, EdgeKind.SENT, POST["STATE"])  # SENT runs Post -> Cable
    with pytest.raises(ModelError, match="SENT"):
        store.write(GraphBatch(nodes=(cable, post), edges=(wrong,)))
    assert store.stats().nodes["Cable"] == 0


def test_edge_to_unknown_node_fails_the_whole_batch(store: Store) -> None:
    cable = Node(A, NodeKind.CABLE, "08STATE1", {"in_corpus": True})
    dangling = Edge(A, EdgeKind.TAGGED, "tag:NOWHERE")
    with pytest.raises(StoreError, match="tag:NOWHERE"):
        store.write(GraphBatch(nodes=(cable,), edges=(dangling,)))
    assert store.stats().nodes["Cable"] == 0
    assert store.get_nodes([A], FULL_CLEARANCE) == {}


def test_clear_removes_everything(store: Store) -> None:
    load_canonical(store)
    store.clear()
    stats = store.stats()
    assert sum(stats.nodes.values()) == 0
    assert sum(stats.edges.values()) == 0
    assert store.search("Japan", FULL_CLEARANCE) == []
    load_canonical(store)
    assert store.stats().cables_in_corpus == 5


def test_iter_nodes_and_edges_stream_everything_or_some_kinds(store: Store) -> None:
    load_canonical(store)
    every = list(store.iter_nodes())
    assert len(every) == sum(store.stats().nodes.values())
    posts = list(store.iter_nodes([NodeKind.POST]))
    assert sorted(node_ids(posts)) == sorted(POST.values())
    a = next(n for n in every if n.id == A)
    assert a.props["body"] == "Japanese CH-47 helicopters could fill the airlift shortfall."
    cites = list(store.iter_edges([EdgeKind.CITES]))
    assert {(e.source, e.target) for e in cites} >= {(A, B), (A, CC), (A, REF), (N, A)}
    assert all(e.kind is EdgeKind.CITES for e in cites)
    assert len(list(store.iter_edges())) == sum(store.stats().edges.values())


def test_iter_nodes_without_text_leaves_out_only_header_and_body(store: Store) -> None:
    load_canonical(store)
    light = {n.id: n for n in store.iter_nodes(with_text=False)}
    full = {n.id: n for n in store.iter_nodes()}
    assert light.keys() == full.keys() and "body" in full[A].props
    for node_id, node in full.items():
        rest = {k: v for k, v in node.props.items() if k not in ("header", "body")}
        assert light[node_id].props == rest
        assert (light[node_id].label, light[node_id].level) == (node.label, node.level)
    cables = list(store.iter_nodes([NodeKind.CABLE], with_text=False))
    assert cables and all(n.kind is NodeKind.CABLE for n in cables)


def test_get_nodes_returns_full_props_and_leaves_out_missing(store: Store) -> None:
    load_canonical(store)
    found = store.get_nodes([A, "cable:NOPE", N], FULL_CLEARANCE)
    assert set(found) == {A, N}
    a = found[A]
    assert a.kind is NodeKind.CABLE
    assert a.label == "08STATE1"
    assert a.props["date"] == "2008-01-10"
    assert a.props["header"] == "FM STATE"
    assert a.props["caveats"] == ()
    assert found[N].props["caveats"] == ("NOFORN",)
    assert (found[N].level, found[N].level_rel) == (1, NEVER)
