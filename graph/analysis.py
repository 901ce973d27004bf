"""NetworkX as the analysis layer over any :class:`~graph.store.Store`.

Two projections are loaded from a store with its bulk iterators:

- the *reference network* (:func:`load_reference_network`): a directed graph of
  cables, one edge per ``CITES`` between two cables (placeholders included, marked
  ``in_corpus=False``);
- the *co-mention network* (:func:`load_comention_network`): an undirected graph of
  the entities cables ``MENTIONS`` (officials, countries, organizations, assets),
  weighted by the number of cables mentioning both.

The functions below work on those graphs and are named for the question they answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TypeAlias

import networkx as nx

from graph.model import EdgeKind, NodeId, NodeKind, kind_of_id
from graph.store import Store

Ranking: TypeAlias = list[tuple[NodeId, float]]
Community: TypeAlias = frozenset[NodeId]

#: Entities of one cable beyond this many are left out of the co-mention network
#: (a cable naming 200 countries says little about any pair of them).
MAX_MENTIONS_PER_CABLE = 40
MENTIONED_KINDS = (NodeKind.OFFICIAL, NodeKind.COUNTRY, NodeKind.ORGANIZATION, NodeKind.ASSET)


def load_reference_network(store: Store, *, in_corpus_only: bool = False) -> nx.DiGraph:
    """The cables of ``store`` and the ``CITES`` edges between them.

    Parameters
    ----------
    store : Store
        Any store; read with ``iter_nodes``/``iter_edges`` (full clearance).
    in_corpus_only : bool
        Leave out placeholders (cited cables that are not loaded).

    Returns
    -------
    networkx.DiGraph
        Nodes are cable node ids with ``label``, ``date`` and ``in_corpus``
        attributes; an edge ``u -> v`` means ``u`` cites ``v``.
    """
    graph = nx.DiGraph()
    for node in store.iter_nodes([NodeKind.CABLE], with_text=False):
        in_corpus = bool(node.props.get("in_corpus", True))
        if in_corpus or not in_corpus_only:
            graph.add_node(
                node.id, label=node.label, date=node.props.get("date"), in_corpus=in_corpus
            )
    for edge in store.iter_edges([EdgeKind.CITES]):
        if edge.source in graph and edge.target in graph:
            graph.add_edge(edge.source, edge.target)
    return graph


def load_comention_network(
    store: Store, kinds: Sequence[NodeKind] = MENTIONED_KINDS, *, min_weight: int = 1
) -> nx.Graph:
    """Entities linked by how many cables mention both.

    Parameters
    ----------
    store : Store
        Any store.
    kinds : sequence of NodeKind
        The entity kinds to keep (default: officials, countries, organizations, assets).
    min_weight : int
        Drop pairs mentioned together in fewer cables than this.

    Returns
    -------
    networkx.Graph
        Nodes are entity ids with a ``kind`` attribute; edge ``weight`` is the number
        of cables mentioning both ends.
    """
    wanted = set(kinds)
    by_cable: dict[NodeId, list[NodeId]] = defaultdict(list)
    for edge in store.iter_edges([EdgeKind.MENTIONS]):
        if kind_of_id(edge.target) in wanted:
            by_cable[edge.source].append(edge.target)
    return comention_graph(by_cable.values(), min_weight=min_weight)


def comention_graph(mentions: Iterable[Sequence[NodeId]], *, min_weight: int = 1) -> nx.Graph:
    """The co-mention graph of groups of entities mentioned together.

    Parameters
    ----------
    mentions : iterable of sequences of node ids
        The entities of each cable.
    min_weight : int
        Drop pairs seen together fewer times.

    Examples
    --------
    >>> cables = [["country:JA", "country:AF"], ["country:JA", "country:AF", "org:ISAF"]]
    >>> g = comention_graph(cables)
    >>> g["country:JA"]["country:AF"]["weight"]
    2
    >>> sorted(comention_graph([["a", "b"], ["b", "c"], ["a", "b"]], min_weight=2).edges)
    [('a', 'b')]
    """
    weights: dict[tuple[NodeId, NodeId], int] = defaultdict(int)
    graph = nx.Graph()
    for group in mentions:
        entities = sorted(set(group))[:MAX_MENTIONS_PER_CABLE]
        graph.add_nodes_from(entities)
        for pair in combinations(entities, 2):
            weights[pair] += 1
    graph.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items() if w >= min_weight)
    if min_weight > 1:
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def reference_pagerank(graph: nx.DiGraph, *, alpha: float = 0.85, top: int = 20) -> Ranking:
    """The most influential cables of a reference network by PageRank.

    A cable ranks high when cables that rank high cite it.

    Parameters
    ----------
    graph : networkx.DiGraph
        A reference network (edge ``u -> v``: ``u`` cites ``v``).
    alpha : float
        Damping factor.
    top : int
        How many cables to return.

    Returns
    -------
    list of (node id, score)
        Highest score first; ties broken by id.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "c"), ("b", "c"), ("c", "d")])
    >>> [node for node, _ in reference_pagerank(g, top=2)]
    ['d', 'c']
    >>> reference_pagerank(nx.DiGraph())
    []
    """
    if graph.number_of_nodes() == 0:
        return []
    scores = compute_pagerank(graph, alpha=alpha)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]


def compute_pagerank(
    graph: nx.DiGraph, *, alpha: float = 0.85, tol: float = 1.0e-8, max_iter: int = 100
) -> dict[NodeId, float]:
    """PageRank by power iteration in plain Python (``nx.pagerank`` needs SciPy).

    Dangling nodes (citing nothing) spread their rank evenly, as in ``nx.pagerank``.

    Parameters
    ----------
    graph : networkx.DiGraph
        Any directed graph.
    alpha : float
        Damping factor.
    tol : float
        Stop when the summed change per node falls below ``tol``.
    max_iter : int
        Stop after this many iterations in any case.

    Returns
    -------
    dict
        Node -> score; the scores sum to 1.

    Examples
    --------
    >>> scores = compute_pagerank(nx.DiGraph([("a", "b"), ("b", "a")]))
    >>> round(scores["a"], 6), round(scores["b"], 6)
    (0.5, 0.5)
    """
    count = graph.number_of_nodes()
    out_degree = dict(graph.out_degree())
    rank = dict.fromkeys(graph, 1.0 / count)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[n] for n, d in out_degree.items() if d == 0) / count
        base = (1.0 - alpha) / count + dangling
        new = dict.fromkeys(graph, base)
        for source, target in graph.edges():
            new[target] += alpha * rank[source] / out_degree[source]
        change = sum(abs(new[n] - rank[n]) for n in new)
        rank = new
        if change < count * tol:
            break
    return rank


def most_cited(graph: nx.DiGraph, *, top: int = 20) -> list[tuple[NodeId, int]]:
    """The cables cited by the most cables.

    Parameters
    ----------
    graph : networkx.DiGraph
        A reference network.
    top : int
        How many cables to return.

    Returns
    -------
    list of (node id, number of citing cables)
        Most cited first; ties broken by id; cables nobody cites are left out.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "c"), ("b", "c"), ("b", "d")])
    >>> most_cited(g)
    [('c', 2), ('d', 1)]
    """
    cited = [(node, degree) for node, degree in graph.in_degree() if degree > 0]
    return sorted(cited, key=lambda item: (-item[1], item[0]))[:top]


def reference_communities(graph: nx.Graph, *, min_size: int = 2, seed: int = 0) -> list[Community]:
    """Groups of cables that cite each other more than they cite the rest (Louvain).

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        A reference (or co-mention) network; directions are ignored, ``weight`` used.
    min_size : int
        Leave out smaller communities (isolated cables form communities of one).
    seed : int
        Seed of the Louvain method, so results repeat.

    Returns
    -------
    list of frozenset of node ids
        Largest first; ties broken by smallest member.

    Examples
    --------
    >>> triangles = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")]
    >>> g = nx.Graph([*triangles, ("c", "x")])
    >>> [sorted(c) for c in reference_communities(g)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    if undirected.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(undirected, seed=seed)
    kept = [frozenset(c) for c in found if len(c) >= min_size]
    return sorted(kept, key=lambda c: (-len(c), min(c)))


def shortest_reference_path(graph: nx.Graph, source: NodeId, target: NodeId) -> list[NodeId] | None:
    """The shortest chain of citations linking two cables, in either direction.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
        A reference network.
    source, target : node id
        The two cables.

    Returns
    -------
    list of node ids or None
        The path from ``source`` to ``target`` inclusive; None when they are not linked
        or either is not in the graph.

    Examples
    --------
    >>> g = nx.DiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    >>> shortest_reference_path(g, "a", "d")
    ['a', 'b', 'c', 'd']
    >>> shortest_reference_path(g, "a", "zzz") is None
    True
    """
    if source not in graph or target not in graph:
        return None
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    try:
        path: list[NodeId] = nx.shortest_path(undirected, source, target)
    except nx.NetworkXNoPath:
        return None
    return path
