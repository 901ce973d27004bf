"""The store contract, part 3: traversals — reference chains, shortest paths and
neighbourhoods — with their bounds and clearance (a hidden node is never crossed)."""

from __future__ import annotations

import pytest

from graph.model import FULL_CLEARANCE, EdgeKind, GraphBatch, Node, NodeKind
from graph.store import ChainDirection, NotFoundError, Store
from tests.graph.test_store_contract import (
    CC,
    CN,
    POST,
    REF,
    A,
    B,
    C,
    D,
    E,
    N,
    S,
    U,
    node_ids,
)


def edge_keys(sub: object) -> set[tuple[str, str, str]]:
    edges = getattr(sub, "edges", ())
    return {(e.source, e.kind.value, e.target) for e in edges}


# --- reference_chain -------------------------------------------------------------------------


def test_chain_cites_by_depth(graph: Store) -> None:
    one = graph.reference_chain(A, FULL_CLEARANCE, max_depth=1)
    assert one.depth == {A: 0, B: 1, CC: 1, REF: 1}
    assert one.truncated is False
    three = graph.reference_chain(A, FULL_CLEARANCE, max_depth=3)
    assert three.depth == {A: 0, B: 1, CC: 1, REF: 1, D: 2, E: 3}
    assert node_ids(three.nodes)[0] == A
    assert edge_keys(three) == {
        (A, "CITES", B),
        (A, "CITES", CC),
        (A, "CITES", REF),
        (B, "CITES", D),
        (D, "CITES", E),
    }
    two = graph.reference_chain(A, FULL_CLEARANCE, max_depth=2)
    assert set(two.depth) == {A, B, CC, REF, D}


def test_chain_cited_by_and_both(graph: Store) -> None:
    cited_by = graph.reference_chain(E, FULL_CLEARANCE, ChainDirection.CITED_BY, max_depth=5)
    assert cited_by.depth == {E: 0, D: 1, B: 2, A: 3, N: 4}
    both = graph.reference_chain(B, FULL_CLEARANCE, ChainDirection.BOTH, max_depth=1)
    assert both.depth == {B: 0, D: 1, A: 1}


def test_chain_never_crosses_a_hidden_cable(graph: Store) -> None:
    chain = graph.reference_chain(A, C, max_depth=3)
    assert set(chain.depth) == {A, B, CC, REF}  # D is SECRET, so E is out of reach
    assert graph.reference_chain(E, S, ChainDirection.CITED_BY, max_depth=5).depth == {
        E: 0,
        D: 1,
        B: 2,
        A: 3,
    }
    with_noforn = graph.reference_chain(A, CN, ChainDirection.CITED_BY)
    assert set(with_noforn.depth) == {A, N}


def test_chain_limit_truncates_closest_first(graph: Store) -> None:
    chain = graph.reference_chain(A, FULL_CLEARANCE, max_depth=3, limit=3)
    assert len(chain.nodes) == 3
    assert chain.truncated is True
    assert chain.depth[A] == 0
    assert sorted(chain.depth.values()) == [0, 1, 1]
    assert all(e.source in chain.depth and e.target in chain.depth for e in chain.edges)


def test_chain_of_a_hidden_or_missing_cable_is_not_found(graph: Store) -> None:
    with pytest.raises(NotFoundError):
        graph.reference_chain(D, C)
    with pytest.raises(NotFoundError):
        graph.reference_chain("cable:NOPE", FULL_CLEARANCE)


# --- shortest_path ---------------------------------------------------------------------------


def test_path_found_is_shortest_and_undirected(graph: Store) -> None:
    path = graph.shortest_path(E, A, FULL_CLEARANCE)
    assert path is not None
    assert node_ids(path.nodes) == [E, POST["TOKYO"], A]
    assert [(e.source, e.kind, e.target) for e in path.edges] == [
        (POST["TOKYO"], EdgeKind.SENT, E),
        (A, EdgeKind.SENT_TO, POST["TOKYO"]),
    ]
    assert path.edges[1].props["role"] == "action"
    assert path.depth == {E: 0, POST["TOKYO"]: 1, A: 2}


def test_path_respects_edge_kinds_and_max_length(graph: Store) -> None:
    cites = graph.shortest_path(E, A, FULL_CLEARANCE, edge_kinds=[EdgeKind.CITES])
    assert cites is not None
    assert node_ids(cites.nodes) == [E, D, B, A]
    assert (
        graph.shortest_path(E, A, FULL_CLEARANCE, max_length=2, edge_kinds=[EdgeKind.CITES]) is None
    )
    assert graph.shortest_path(E, A, FULL_CLEARANCE, max_length=1) is None


def test_path_not_found_between_unconnected_nodes(graph: Store) -> None:
    lone = Node("official:NOBODY", NodeKind.OFFICIAL, "Nobody")
    graph.write(GraphBatch(nodes=(lone,)))
    assert graph.shortest_path(A, lone.id, FULL_CLEARANCE) is None


def test_path_never_crosses_a_hidden_node(graph: Store) -> None:
    assert graph.shortest_path(E, A, C, edge_kinds=[EdgeKind.CITES]) is None
    assert graph.shortest_path(E, A, S, edge_kinds=[EdgeKind.CITES]) is not None
    via_noforn = graph.shortest_path(A, "country:AF", CN)
    assert via_noforn is not None and N in node_ids(via_noforn.nodes)
    with pytest.raises(NotFoundError):
        graph.shortest_path(A, "country:AF", S)  # only a NOFORN cable links Afghanistan


def test_path_to_itself_is_one_node(graph: Store) -> None:
    path = graph.shortest_path(A, A, FULL_CLEARANCE)
    assert path is not None
    assert node_ids(path.nodes) == [A]
    assert path.edges == ()


# --- neighborhood ----------------------------------------------------------------------------


def test_neighborhood_one_hop_with_edges_among_the_nodes(graph: Store) -> None:
    sub = graph.neighborhood([B], FULL_CLEARANCE)
    assert set(sub.depth) == {B, POST["TOKYO"], POST["STATE"], D, A, "tag:JA"}
    assert sub.depth[B] == 0 and sub.depth[A] == 1
    assert node_ids(sub.nodes)[0] == B
    keys = edge_keys(sub)
    assert (A, "SENT_TO", POST["TOKYO"]) in keys  # between two neighbours
    assert (POST["TOKYO"], "SENT", B) in keys
    assert all(s in sub.depth and t in sub.depth for s, _, t in keys)
    assert sub.truncated is False


def test_neighborhood_two_hops_over_chosen_edge_kinds(graph: Store) -> None:
    sub = graph.neighborhood([B], FULL_CLEARANCE, depth=2, edge_kinds=[EdgeKind.CITES])
    assert sub.depth == {B: 0, D: 1, A: 1, E: 2, CC: 2, REF: 2, N: 2}
    assert {k[1] for k in edge_keys(sub)} == {"CITES"}


def test_neighborhood_filters_node_kinds_and_cable_dates(graph: Store) -> None:
    cables = graph.neighborhood([B], FULL_CLEARANCE, node_kinds=[NodeKind.CABLE])
    assert set(cables.depth) == {B, D, A}
    recent = graph.neighborhood([B], FULL_CLEARANCE, date_from="2008-01-01")
    assert D not in recent.depth and A in recent.depth and POST["TOKYO"] in recent.depth
    old = graph.neighborhood([B], FULL_CLEARANCE, date_to="2007-12-31")
    assert D in old.depth and A not in old.depth


def test_neighborhood_respects_clearance(graph: Store) -> None:
    assert D not in graph.neighborhood([B], C).depth
    assert graph.neighborhood([D], C).nodes == ()
    assert N not in graph.neighborhood([A], S).depth
    assert N in graph.neighborhood([A], CN).depth
    tokyo_u = graph.neighborhood([POST["TOKYO"]], U)
    assert set(tokyo_u.depth) == {POST["TOKYO"], E, A, "country:JA"}


def test_neighborhood_limit_keeps_the_closest(graph: Store) -> None:
    sub = graph.neighborhood([B], FULL_CLEARANCE, depth=2, limit=4)
    assert len(sub.nodes) == 4
    assert sub.truncated is True
    assert sub.depth[B] == 0
    assert set(sub.depth.values()) == {0, 1}  # six depth-1 nodes: no room for depth 2
    full = graph.neighborhood([B], FULL_CLEARANCE, depth=1, limit=6)
    assert len(full.nodes) == 6 and full.truncated is False


def test_neighborhood_of_several_starts_and_missing_ids(graph: Store) -> None:
    sub = graph.neighborhood([E, N, "cable:NOPE"], FULL_CLEARANCE, edge_kinds=[EdgeKind.CITES])
    assert sub.depth == {E: 0, N: 0, D: 1, A: 1}
    assert graph.neighborhood(["cable:NOPE"], FULL_CLEARANCE).nodes == ()
