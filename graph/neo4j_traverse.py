"""Bounded traversals in Cypher: reference chains, neighbourhoods, shortest paths.

Each is one statement with a quantified path pattern searched breadth-first by Neo4j
(``ANY SHORTEST``, Neo4j 5.21 or later), so hubs and cycles cost one visit per node, not
one per path. Every step applies visibility to the node it reaches, so hidden nodes are
never crossed. Variable-length bounds cannot be parameters: they are formatted in from
ints checked by :func:`check_bound`, so every statement is bounded.

>>> "{1,3}" in chain_statement(ChainDirection.CITED_BY, 3)
True
>>> chain_statement(ChainDirection.CITES, 0)
Traceback (most recent call last):
...
graph.neo4j_traverse.BoundError: max_depth must be an int within 1..12, got 0
"""

from __future__ import annotations

from typing import Final

from graph.neo4j_cypher import edge_map, kind_of, light_node, visible
from graph.store import ChainDirection

#: The highest hop count any traversal may ask for.
MAX_HOPS: Final = 12

_CHAIN_STEP: Final = {
    ChainDirection.CITES: "(a)-[:CITES]->(b:Node)",
    ChainDirection.CITED_BY: "(a)<-[:CITES]-(b:Node)",
    ChainDirection.BOTH: "(a)-[:CITES]-(b:Node)",
}


class BoundError(ValueError):
    """A traversal bound that is not an int within ``1..MAX_HOPS``."""


def check_bound(name: str, value: object) -> int:
    """``value`` when it is an int within ``1..MAX_HOPS`` (bools refused).

    >>> check_bound("depth", 2)
    2
    >>> check_bound("depth", "2")
    Traceback (most recent call last):
    ...
    graph.neo4j_traverse.BoundError: depth must be an int within 1..12, got '2'
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_HOPS:
        raise BoundError(f"{name} must be an int within 1..{MAX_HOPS}, got {value!r}")
    return value


def chain_statement(direction: ChainDirection, max_depth: int) -> str:
    """Cables and references within ``max_depth`` CITES hops of ``$id``, closest first:
    ``found`` holds ``{node, depth}`` (start excluded, ``$limit`` + 1 at most)."""
    hops = check_bound("max_depth", max_depth)
    return f"""MATCH (c:Node {{id: $id}}) WHERE {visible("c")}
CALL (c) {{
    MATCH p = ANY SHORTEST (c) ({_CHAIN_STEP[direction]} WHERE {visible("b")}){{1,{hops}}} (x)
    WHERE x <> c
    WITH x, length(p) AS depth ORDER BY depth, x.id LIMIT $limit + 1
    RETURN collect({{node: {light_node("x")}, depth: depth}}) AS found
}}
RETURN {light_node("c")} AS start, found"""


_NEIGHBOR_STEP: Final = f"""(a)-[r]-(b:Node) WHERE {visible("b")}
        AND (size($edge_kinds) = 0 OR type(r) IN $edge_kinds)
        AND (size($node_kinds) = 0 OR {kind_of("b")} IN $node_kinds)
        AND ($date_from IS NULL OR NOT b:Cable OR b.date >= $date_from)
        AND ($date_to IS NULL OR NOT b:Cable OR b.date <= $date_to)"""


def neighborhood_statement(depth: int) -> str:
    """Nodes within ``depth`` undirected hops of the visible nodes among ``$ids``:
    ``starts`` (at most ``$limit``) and ``found`` (``{node, depth}``, closest first,
    ``$limit`` + 1 at most)."""
    hops = check_bound("depth", depth)
    return f"""UNWIND range(0, size($ids) - 1) AS i
MATCH (s:Node {{id: $ids[i]}}) WHERE {visible("s")}
WITH s ORDER BY i
WITH collect(s) AS shown
WITH shown[0..$limit] AS starts, size(shown) > $limit AS cut
CALL (starts) {{
    UNWIND starts AS s
    MATCH p = ANY SHORTEST (s) ({_NEIGHBOR_STEP}){{1,{hops}}} (x)
    WHERE NOT x IN starts
    WITH x, min(length(p)) AS depth ORDER BY depth, x.id LIMIT $limit + 1
    RETURN collect({{node: {light_node("x")}, depth: depth}}) AS found
}}
RETURN [s IN starts | {light_node("s")}] AS starts, found, cut"""


def path_statement(max_length: int) -> str:
    """One shortest undirected path of at most ``max_length`` hops from ``$source`` to
    ``$target`` over visible nodes and ``$edge_kinds`` (all when empty)."""
    hops = check_bound("max_length", max_length)
    return f"""MATCH (a:Node {{id: $source}}) WHERE {visible("a")}
MATCH (z:Node {{id: $target}}) WHERE {visible("z")}
MATCH p = ANY SHORTEST (a) ((x)-[r]-(y:Node) WHERE {visible("y")}
    AND (size($edge_kinds) = 0 OR type(r) IN $edge_kinds)){{1,{hops}}} (z)
RETURN [n IN nodes(p) | {light_node("n")}] AS nodes,
       [rel IN relationships(p) | {edge_map("rel")}] AS edges
LIMIT 1"""
