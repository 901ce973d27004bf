"""graph.analysis: projections loaded from a store, and the functions over them."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import (
    compute_pagerank,
    load_comention_network,
    load_reference_network,
    most_cited,
    reference_communities,
    reference_pagerank,
    shortest_reference_path,
)
from graph.model import NodeKind
from graph.store import Store
from tests.graph.graph_samples import AF, DAVIES, ISAF, JA, REF, A, B, C, D, P, sample_batch


@pytest.fixture
def sample_store(store: Store) -> Store:
    store.write(sample_batch())
    return store


def test_reference_network_holds_cables_and_citations_only(sample_store: Store) -> None:
    graph = load_reference_network(sample_store)
    assert set(graph) == {A, B, C, D, P}
    assert REF not in graph, "a cited non-cable Reference is not part of the cable network"
    assert set(graph.edges) == {(A, B), (A, P), (B, C), (D, C), (D, P)}
    assert graph.nodes[P]["in_corpus"] is False
    assert graph.nodes[A]["date"] == "2008-06-26"


def test_reference_network_without_placeholders(sample_store: Store) -> None:
    graph = load_reference_network(sample_store, in_corpus_only=True)
    assert P not in graph
    assert set(graph.edges) == {(A, B), (B, C), (D, C)}


def test_most_cited_and_pagerank(sample_store: Store) -> None:
    graph = load_reference_network(sample_store)
    assert most_cited(graph) == [(C, 2), (P, 2), (B, 1)]
    ranking = reference_pagerank(graph, top=5)
    assert ranking[0][0] == C, "C is cited by B, itself cited"
    assert {node for node, _ in ranking} == {A, B, C, D, P}
    assert ranking[-1][1] == pytest.approx(ranking[-2][1]), "A and D are cited by nobody"


def test_pagerank_solves_the_pagerank_equation() -> None:
    graph = nx.gnp_random_graph(60, 0.08, seed=4, directed=True)
    alpha = 0.85
    rank = compute_pagerank(graph, alpha=alpha, tol=1e-12, max_iter=500)
    assert sum(rank.values()) == pytest.approx(1.0)
    count = graph.number_of_nodes()
    dangling = sum(rank[n] for n in graph if graph.out_degree(n) == 0)
    for node in graph:
        incoming = sum(rank[u] / graph.out_degree(u) for u in graph.predecessors(node))
        expected = (1 - alpha) / count + alpha * (incoming + dangling / count)
        assert rank[node] == pytest.approx(expected, rel=1e-6)


def test_shortest_reference_path_follows_citations_both_ways(sample_store: Store) -> None:
    graph = load_reference_network(sample_store)
    assert shortest_reference_path(graph, A, D) == [A, P, D]
    assert shortest_reference_path(
        load_reference_network(sample_store, in_corpus_only=True), A, D
    ) == [A, B, C, D]
    assert shortest_reference_path(graph, A, "cable:NOPE") is None


def test_communities_split_two_clusters() -> None:
    graph = nx.DiGraph()
    nx.add_cycle(graph, ["a1", "a2", "a3", "a4"])
    graph.add_edges_from([("a1", "a3"), ("a2", "a4")])
    nx.add_cycle(graph, ["b1", "b2", "b3", "b4"])
    graph.add_edges_from([("b1", "b3"), ("b2", "b4"), ("a1", "b1"), ("lonely", "lonely2")])
    graph.add_node("isolated")
    found = reference_communities(graph)
    assert found[:2] == [frozenset({"a1", "a2", "a3", "a4"}), frozenset({"b1", "b2", "b3", "b4"})]
    assert all("isolated" not in c for c in found)
    assert reference_communities(graph) == found, "seeded: the same every time"


def test_comention_network_weights_shared_cables(sample_store: Store) -> None:
    graph = load_comention_network(sample_store)
    assert graph[JA][AF]["weight"] == 2, "cables A and B both mention Japan and Afghanistan"
    assert graph[JA][ISAF]["weight"] == 1
    assert DAVIES in graph and graph.degree(DAVIES) == 0
    strong = load_comention_network(sample_store, min_weight=2)
    assert [set(edge) for edge in strong.edges] == [{JA, AF}]
    countries = load_comention_network(sample_store, [NodeKind.COUNTRY])
    assert set(countries) == {JA, AF}


def test_corpus_reference_network(corpus_db: object) -> None:
    from graph.sqlite_store import SQLiteStore

    store = SQLiteStore.open(str(corpus_db))
    try:
        graph = load_reference_network(store)
        seed = "cable:08STATE68633"
        cited = sorted(graph.successors(seed))
        assert cited == [f"cable:08TOKYO{n}" for n in (1464, 1593, 1623, 1657)]
        assert not any(graph.nodes[c]["in_corpus"] for c in cited)
        loaded = load_reference_network(store, in_corpus_only=True)
        assert loaded.number_of_edges() > 0, "corpus cables cite each other"
        top = most_cited(graph, top=5)
        assert top[0][1] >= top[-1][1] >= 2
    finally:
        store.close()
