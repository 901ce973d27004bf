"""Every statement the Neo4j store can send, with sample parameters, for the linter.

``tools/cypher-lint/lint.mjs`` checks them with Neo4j's own Cypher front end
(``tests/graph/test_cypher_lint.py`` runs it); :func:`unbounded_patterns` checks that no
variable-length pattern is left without an upper bound.

>>> names = [s.name for s in all_statements()]
>>> "node_write:Cable" in names and "edge_write:CITES" in names and "path:12" in names
True
>>> unbounded_patterns("MATCH (a)-[:CITES*1..6]->(b) MATCH (a)-[*]-(c) RETURN c")
['[*]']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

from graph import neo4j_cypher as cy
from graph.model import EDGE_PROPS, NODE_PROPS, Edge, EdgeKind, Node, NodeKind
from graph.neo4j_filter import (
    count_statement,
    filter_cypher,
    page_statement,
    timeline_statement,
)
from graph.neo4j_rows import RESERVED, to_edge_row, to_node_row
from graph.neo4j_traverse import (
    MAX_HOPS,
    chain_statement,
    neighborhood_statement,
    path_statement,
)
from graph.store import CableFilter, CableOrder, ChainDirection

#: A ``*`` relationship pattern or a ``{m,}`` quantifier with no upper bound.
_UNBOUNDED: Final = re.compile(r"\[[^\]]*\*(?:\s*\d*\s*\.\.\s*)?\]|\{\s*\d*\s*,\s*\}|[+*]\s*\(")

_CLEARANCE: Final = {"level": 2, "noforn": True}
#: Keys of the ``UNWIND $rows AS row`` maps (the linter reads ``row.x`` as a property).
ROW_KEYS: Final = ("id", "props", "level", "level_rel", "loaded", "titles", "source", "target")
#: Traversal bounds linted; the others are the same text with another number (tested).
LINTED_HOPS: Final = (1, MAX_HOPS)
_IDS: Final = {"ids": ["cable:08STATE68633", "post:TOKYO"]}
_EDGE_ROW: Final = to_edge_row(Edge("post:STATE", EdgeKind.SENT, "cable:08STATE68633"))


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement as the store sends it, and sample values of its parameters."""

    name: str
    query: str
    params: Mapping[str, Any]


def unbounded_patterns(query: str) -> list[str]:
    """Variable-length patterns of ``query`` that have no upper bound."""
    return [m.group(0) for m in _UNBOUNDED.finditer(query)]


def lint_schema() -> dict[str, list[str]]:
    """Labels, relationship types and property keys the store uses, so the linter flags
    any other (a misspelt label reads as a warning)."""
    keys = {*RESERVED, *ROW_KEYS}
    keys.update(p for props in NODE_PROPS.values() for p in props)
    keys.update(p for props in EDGE_PROPS.values() for p in props)
    return {
        "labels": ["Node", *(k.value for k in NodeKind)],
        "relationshipTypes": [k.value for k in EdgeKind],
        "propertyKeys": sorted(keys),
    }


def _writes() -> Iterator[Statement]:
    for kind, query in cy.NODE_WRITES.items():
        row = to_node_row(Node(f"{kind.value.lower()}:X", kind, "X", {"name": "X"}))
        yield Statement(f"node_write:{kind.value}", query, {"rows": [row]})
    for edge_kind, query in cy.EDGE_WRITES.items():
        yield Statement(f"edge_write:{edge_kind.value}", query, {"rows": [_EDGE_ROW]})
    yield Statement("missing_nodes", cy.MISSING_NODES, _IDS)
    yield Statement("clear", cy.CLEAR, {})


def _simple_reads() -> Iterator[Statement]:
    yield from (Statement(f"schema:{i}", q, {}) for i, q in enumerate(cy.SCHEMA))
    yield Statement("await_indexes", cy.AWAIT_INDEXES, {"timeout": 300})
    yield Statement("ping", cy.PING, {})
    yield Statement("get_nodes", cy.GET_NODES, {**_IDS, **_CLEARANCE})
    paging = {"first": 10, "offset": 0}
    kinds = {"edge_kinds": ["SENT"], "node_kinds": ["Post"], "direction": "OUT"}
    yield Statement("edges", cy.EDGES, {**_IDS, **_CLEARANCE, **kinds, **paging})
    yield Statement("edges_among", cy.EDGES_AMONG, {**_IDS, "edge_kinds": ["CITES"]})
    search = {**_IDS, **_CLEARANCE, "kinds": ["Cable"], "first": 20}
    yield Statement("search", cy.SEARCH, {**search, "query": "tokyo*"})
    yield Statement("search_ids", cy.SEARCH_IDS, search)
    yield Statement("degrees", cy.DEGREES, {**_IDS, **_CLEARANCE})
    yield Statement("node_counts", cy.NODE_COUNTS, {})
    yield Statement("edge_counts", cy.EDGE_COUNTS, {})
    bulk = {"after": "", "first": 5000}
    yield Statement("iter_nodes", cy.ITER_NODES, {**bulk, "kinds": ["Cable"]})
    yield Statement("iter_nodes_light", cy.ITER_NODES_LIGHT, {**bulk, "kinds": ["Cable"]})
    yield Statement("iter_edges", cy.ITER_EDGES, {**bulk, "kinds": ["CITES"]})


#: A filter that sets every field, nesting both ways, so every fragment is linted.
FULL_FILTER: Final = CableFilter(
    date_from="2008-01-01",
    date_to="2008-12-31",
    origin="post:STATE",
    addressee="post:TOKYO",
    tag="tag:PREL",
    country="country:JA",
    classification="confidential",
    mentions="official:GLYN-DAVIES",
    text="nuclear",
    all_of=(CableFilter(text="missile defense"),),
    any_of=(CableFilter(tag="tag:MARR"), CableFilter(text="isaf", origin="post:KABUL")),
)


def _filtered_reads() -> Iterator[Statement]:
    for label, where in (("full", FULL_FILTER), ("empty", CableFilter())):
        compiled = filter_cypher(where)
        params = {**compiled.params, **_CLEARANCE}
        yield Statement(f"count_cables:{label}", count_statement(compiled), params)
        for order in CableOrder:
            query = page_statement(compiled, order)
            paging = {"first": 50, "offset": 0}
            yield Statement(f"find_cables:{label}:{order.value}", query, {**params, **paging})
        for width in (4, 7):
            query = timeline_statement(compiled, width)
            yield Statement(f"timeline:{label}:{width}", query, params)


def _traversals() -> Iterator[Statement]:
    for hops in LINTED_HOPS:
        for direction in ChainDirection:
            query = chain_statement(direction, hops)
            params = {"id": "cable:08STATE68633", "limit": 500, **_CLEARANCE}
            yield Statement(f"chain:{direction.value}:{hops}", query, params)
        near = {
            **_IDS,
            **_CLEARANCE,
            "limit": 500,
            "edge_kinds": ["CITES"],
            "node_kinds": ["Cable"],
            "date_from": "2008-01-01",
            "date_to": "2008-12-31",
        }
        yield Statement(f"neighborhood:{hops}", neighborhood_statement(hops), near)
        ends = {"source": "post:TOKYO", "target": "post:STATE", "edge_kinds": [], **_CLEARANCE}
        yield Statement(f"path:{hops}", path_statement(hops), ends)


def all_statements() -> list[Statement]:
    """Every statement the store can send: constants, one per node and edge kind, the
    filter fragments (through :data:`FULL_FILTER`) and the traversals at the lowest and
    highest bound (:data:`LINTED_HOPS`; other bounds only change the number)."""
    return [*_writes(), *_simple_reads(), *_filtered_reads(), *_traversals()]
