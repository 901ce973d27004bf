"""The reads of the Neo4j store: every ``Store`` query method, one statement (or one read
transaction) each, with the embedded store's semantics (orders, limits, totals).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph import neo4j_cypher as cy
from graph.model import Clearance, EdgeKind, Node, NodeId, NodeKind
from graph.neo4j_filter import (
    count_statement,
    filter_cypher,
    lucene_query,
    page_statement,
    timeline_statement,
)
from graph.neo4j_rows import Record, to_edge, to_node
from graph.neo4j_session import Records, Session
from graph.neo4j_traverse import chain_statement, neighborhood_statement, path_statement
from graph.rules import id_candidates
from graph.store import (
    Bucket,
    CableFilter,
    CableOrder,
    ChainDirection,
    Direction,
    EdgePage,
    NotFoundError,
    Page,
    Subgraph,
    TimelineRow,
)


def clearance_params(clearance: Clearance) -> dict[str, Any]:
    """The ``$level`` and ``$noforn`` parameters of :func:`graph.neo4j_cypher.visible`.

    >>> from graph.model import Level
    >>> clearance_params(Clearance(Level.CONFIDENTIAL))
    {'level': 1, 'noforn': False}
    """
    return {"level": int(clearance.level), "noforn": clearance.noforn}


def kind_names(kinds: Sequence[NodeKind] | Sequence[EdgeKind]) -> list[str]:
    """Kinds as the strings the statements compare with.

    >>> kind_names([EdgeKind.CITES, EdgeKind.SENT])
    ['CITES', 'SENT']
    """
    return [k.value for k in kinds]


def to_subgraph(reached: Sequence[tuple[Node, int]], edges: Records, truncated: bool) -> Subgraph:
    """A subgraph of nodes with their depths (ordered by depth, then id) and edges."""
    ordered = sorted(reached, key=lambda pair: (pair[1], pair[0].id))
    return Subgraph(
        nodes=tuple(node for node, _ in ordered),
        edges=tuple(to_edge(r["edge"]) for r in edges),
        depth={node.id: depth for node, depth in ordered},
        truncated=truncated,
    )


def _found(
    records: Sequence[Record], room: int, starts: Sequence[Node]
) -> tuple[list[tuple[Node, int]], bool]:
    """The reached nodes that fit in ``room`` (starts left out), and whether some did not."""
    seen = {node.id for node in starts}
    reached = [(to_node(r["node"]), int(r["depth"])) for r in records]
    reached = [(node, depth) for node, depth in reached if node.id not in seen]
    return [(n, 0) for n in starts] + reached[: max(room, 0)], len(reached) > room


class Neo4jReads:
    """The read half of ``Neo4jStore`` (kept apart to keep modules small)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _read(self, action: str, query: str, params: dict[str, Any]) -> Records:
        return self._session.read(action, query, params)

    def _edges_among(self, ids: Sequence[NodeId], kinds: Sequence[EdgeKind]) -> Records:
        params = {"ids": list(ids), "edge_kinds": kind_names(kinds)}
        return self._read("read edges among nodes", cy.EDGES_AMONG, params)

    def _visible_start(self, node_id: NodeId, clearance: Clearance) -> Node:
        found = self.get_nodes([node_id], clearance)
        if node_id not in found:
            raise NotFoundError(f"no node {node_id!r} visible to this caller")
        return found[node_id]

    def get_nodes(self, ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, Node]:
        params = {"ids": list(ids), **clearance_params(clearance)}
        nodes = (to_node(r) for r in self._read("read nodes", cy.GET_NODES, params))
        return {node.id: node for node in nodes}

    def edges(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        direction: Direction = Direction.BOTH,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        first: int = 100,
        offset: int = 0,
    ) -> dict[NodeId, EdgePage]:
        params = {
            "ids": list(dict.fromkeys(node_ids)),
            "direction": direction.value,
            "edge_kinds": kind_names(edge_kinds),
            "node_kinds": kind_names(node_kinds),
            "first": max(first, 0),
            "offset": max(offset, 0),
            **clearance_params(clearance),
        }
        pages: dict[NodeId, EdgePage] = {}
        for record in self._read("read edges", cy.EDGES, params):
            items = record["page"]
            pages[str(record["id"])] = EdgePage(
                edges=tuple(to_edge(item["edge"]) for item in items),
                nodes=tuple(to_node(item["node"]) for item in items),
                total=int(record["total"]),
            )
        return pages

    def find_cables(
        self,
        where: CableFilter,
        clearance: Clearance,
        order: CableOrder = CableOrder.DATE_ASC,
        first: int = 50,
        offset: int = 0,
    ) -> Page:
        compiled = filter_cypher(where)
        params = {**compiled.params, **clearance_params(clearance)}
        paging = {"first": max(first, 0), "offset": max(offset, 0)}
        page, total = self._session.read_steps(
            "find cables",
            [
                (page_statement(compiled, order), {**params, **paging}),
                (count_statement(compiled), params),
            ],
        )
        return Page(tuple(to_node(r["node"]) for r in page), int(total[0]["total"]))

    def search(
        self, text: str, clearance: Clearance, kinds: Sequence[NodeKind] = (), first: int = 20
    ) -> list[Node]:
        if first <= 0 or not text.strip():
            return []
        query = lucene_query(text, prefix=True)
        params = {
            "ids": id_candidates(text),
            "query": query,
            "kinds": kind_names(kinds),
            "first": first,
            **clearance_params(clearance),
        }
        statement = cy.SEARCH if query else cy.SEARCH_IDS
        if not query:
            del params["query"]
        return [to_node(r["node"]) for r in self._read("search", statement, params)]

    def reference_chain(
        self,
        cable_id: NodeId,
        clearance: Clearance,
        direction: ChainDirection = ChainDirection.CITES,
        max_depth: int = 3,
        limit: int = 500,
    ) -> Subgraph:
        limit = max(limit, 1)
        if max_depth < 1:
            start = self._visible_start(cable_id, clearance)
            return to_subgraph([(start, 0)], [], truncated=False)
        params = {"id": cable_id, "limit": limit, **clearance_params(clearance)}
        records = self._read(
            "read a reference chain", chain_statement(direction, max_depth), params
        )
        if not records:
            raise NotFoundError(f"no node {cable_id!r} visible to this caller")
        start = to_node(records[0]["start"])
        reached, truncated = _found(records[0]["found"], limit - 1, [start])
        ids = [node.id for node, _ in reached]
        return to_subgraph(reached, self._edges_among(ids, [EdgeKind.CITES]), truncated)

    def neighborhood(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        depth: int = 1,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 500,
    ) -> Subgraph:
        limit = max(limit, 0)
        params = {
            "ids": list(dict.fromkeys(node_ids)),
            "limit": limit,
            "edge_kinds": kind_names(edge_kinds),
            "node_kinds": kind_names(node_kinds),
            "date_from": date_from,
            "date_to": date_to,
            **clearance_params(clearance),
        }
        statement = neighborhood_statement(max(depth, 1))
        record = self._read("read a neighbourhood", statement, params)[0]
        if depth < 1:
            record = {**record, "found": []}
        starts = [to_node(n) for n in record["starts"]]
        reached, truncated = _found(record["found"], limit - len(starts), starts)
        edges = self._edges_among([node.id for node, _ in reached], edge_kinds)
        return to_subgraph(reached, edges, truncated or bool(record["cut"]))

    def shortest_path(
        self,
        source: NodeId,
        target: NodeId,
        clearance: Clearance,
        max_length: int = 6,
        edge_kinds: Sequence[EdgeKind] = (),
    ) -> Subgraph | None:
        start = self._visible_start(source, clearance)
        self._visible_start(target, clearance)
        if source == target:
            return to_subgraph([(start, 0)], [], truncated=False)
        if max_length < 1:
            return None
        params = {
            "source": source,
            "target": target,
            "edge_kinds": kind_names(edge_kinds),
            **clearance_params(clearance),
        }
        records = self._read("find a path", path_statement(max_length), params)
        if not records:
            return None
        nodes = [to_node(n) for n in records[0]["nodes"]]
        return Subgraph(
            nodes=tuple(nodes),
            edges=tuple(to_edge(e) for e in records[0]["edges"]),
            depth={node.id: i for i, node in enumerate(nodes)},
        )

    def timeline(
        self, where: CableFilter, clearance: Clearance, bucket: Bucket = Bucket.MONTH
    ) -> list[TimelineRow]:
        compiled = filter_cypher(where)
        statement = timeline_statement(compiled, 7 if bucket == Bucket.MONTH else 4)
        params = {**compiled.params, **clearance_params(clearance)}
        rows = self._read("count cables over time", statement, params)
        return [(str(r["period"]), int(r["count"])) for r in rows]

    def degrees(self, node_ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, int]:
        params = {"ids": list(node_ids), **clearance_params(clearance)}
        rows = self._read("count degrees", cy.DEGREES, params)
        return {str(r["id"]): int(r["degree"]) for r in rows}
