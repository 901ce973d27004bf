"""Every Cypher statement the Neo4j store sends, as parameterised module-level constants.

Labels are PascalCase (``:Node`` on every node plus its kind, e.g. ``:Node:Cable``),
relationship types UPPER_SNAKE (the :class:`~graph.model.EdgeKind` values). Labels and
relationship types cannot be parameters, so the write statements are generated once per
node kind and edge kind at import; traversal bounds are formatted in from validated
ints (:mod:`graph.neo4j_traverse`); filters are composed from fixed fragments
(:mod:`graph.neo4j_filter`). :func:`graph.neo4j_lint.all_statements` lists them all for
the linter (``tools/cypher-lint``).

>>> "MERGE (s)-[r:CITES]->(t)" in EDGE_WRITES[EdgeKind.CITES]
True
>>> visible("m")
'(m.level_rel <= $level OR ($noforn AND m.level <= $level))'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from graph.model import EdgeKind, NodeKind

#: Full-text index over names for ``search`` and over cable text for ``CableFilter.text``.
NAMES_INDEX: Final = "node_names"
CABLE_TEXT_INDEX: Final = "cable_text"

SCHEMA: Final = (
    "CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX cable_date IF NOT EXISTS FOR (n:Cable) ON (n.date)",
    "CREATE INDEX cable_loaded IF NOT EXISTS FOR (n:Cable) ON (n.loaded)",
    f"CREATE FULLTEXT INDEX {NAMES_INDEX} IF NOT EXISTS FOR (n:Node) "
    "ON EACH [n.label, n.name, n.key, n.code, n.subject]",
    f"CREATE FULLTEXT INDEX {CABLE_TEXT_INDEX} IF NOT EXISTS FOR (n:Cable) "
    "ON EACH [n.subject, n.summary, n.body]",
)
AWAIT_INDEXES: Final = "CALL db.awaitIndexes($timeout)"
PING: Final = "RETURN 1 AS ok"


def visible(var: str) -> str:
    """The clearance test for the node bound to ``var`` (``$level``, ``$noforn``)."""
    return f"({var}.level_rel <= $level OR ($noforn AND {var}.level <= $level))"


def kind_of(var: str) -> str:
    """The node kind of ``var``: its label beside ``:Node``."""
    return f"[l IN labels({var}) WHERE l <> 'Node'][0]"


def light_node(var: str) -> str:
    """A node record ``{kind, props}`` whose props leave out heavy text (header, body)."""
    props = f"[k IN keys({var}) WHERE NOT k IN ['header', 'body'] | [k, {var}[k]]]"
    return f"{{kind: {kind_of(var)}, props: {props}}}"


def edge_map(var: str) -> str:
    """An edge record ``{source, kind, target, props}``."""
    return (
        f"{{source: startNode({var}).id, kind: type({var}), "
        f"target: endNode({var}).id, props: properties({var})}}"
    )


# --- writing ------------------------------------------------------------------------

_MERGE_NODE: Final = """UNWIND $rows AS row
MERGE (n:Node {id: row.id})
WITH n, row, n.label IS NOT NULL AS existed, coalesce(n.loaded, false) AS was_loaded,
     coalesce(n.level, row.level) AS old_level, coalesce(n.level_rel, row.level_rel) AS old_rel
"""

_MIN_LEVELS: Final = """n.level = CASE WHEN row.level < old_level THEN row.level ELSE old_level END,
    n.level_rel = CASE WHEN row.level_rel < old_rel THEN row.level_rel ELSE old_rel END"""

#: A loaded cable is never overwritten by a placeholder; levels: a loaded cable keeps its
#: own, otherwise the minimum of all writes.
_CABLE_WRITE: Final = f"""{_MERGE_NODE}WITH n, row, was_loaded AND NOT row.loaded AS keep,
     old_level, old_rel
FOREACH (_ IN CASE WHEN keep THEN [] ELSE [1] END |
    SET n = row.props, n.loaded = row.loaded)
SET n:Cable,
    n.level = CASE WHEN row.loaded THEN row.level WHEN keep THEN old_level
                   WHEN row.level < old_level THEN row.level ELSE old_level END,
    n.level_rel = CASE WHEN row.loaded THEN row.level_rel WHEN keep THEN old_rel
                       WHEN row.level_rel < old_rel THEN row.level_rel ELSE old_rel END"""

#: An official's titles are the sorted union of all writes.
_OFFICIAL_WRITE: Final = f"""{_MERGE_NODE}CALL (n, row, existed) {{
    UNWIND CASE WHEN existed THEN coalesce(n.titles, []) + coalesce(row.titles, [])
                ELSE [] END AS title
    WITH DISTINCT title ORDER BY title
    RETURN collect(title) AS titles
}}
SET n = row.props, n:Official,
    n.titles = CASE WHEN existed THEN titles ELSE row.titles END,
    {_MIN_LEVELS}"""


def _plain_write(label: str) -> str:
    return f"{_MERGE_NODE}SET n = row.props, n:{label},\n    {_MIN_LEVELS}"


def _node_write(kind: NodeKind) -> str:
    if kind is NodeKind.CABLE:
        return _CABLE_WRITE
    if kind is NodeKind.OFFICIAL:
        return _OFFICIAL_WRITE
    return _plain_write(kind.value)


def _edge_write(kind: EdgeKind) -> str:
    return f"""UNWIND $rows AS row
MATCH (s:Node {{id: row.source}})
MATCH (t:Node {{id: row.target}})
MERGE (s)-[r:{kind.value}]->(t)
SET r = row.props"""


NODE_WRITES: Final[Mapping[NodeKind, str]] = {k: _node_write(k) for k in NodeKind}
EDGE_WRITES: Final[Mapping[EdgeKind, str]] = {k: _edge_write(k) for k in EdgeKind}

MISSING_NODES: Final = """UNWIND $ids AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n WHERE n IS NULL
RETURN collect(id) AS missing"""

CLEAR: Final = """MATCH (n:Node)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"""

# --- reading ------------------------------------------------------------------------

GET_NODES: Final = f"""MATCH (n:Node) WHERE n.id IN $ids AND {visible("n")}
RETURN {kind_of("n")} AS kind, properties(n) AS props"""

EDGES: Final = f"""UNWIND $ids AS nid
MATCH (n:Node {{id: nid}}) WHERE {visible("n")}
CALL (n) {{
    MATCH (n)-[r]-(m:Node)
    WHERE {visible("m")}
      AND (size($edge_kinds) = 0 OR type(r) IN $edge_kinds)
      AND (size($node_kinds) = 0 OR {kind_of("m")} IN $node_kinds)
      AND ($direction = 'BOTH' OR ($direction = 'OUT') = (startNode(r) = n))
    WITH r, m ORDER BY m.date IS NULL, m.date, m.id, type(r), startNode(r) <> n
    WITH collect({{edge: {edge_map("r")}, node: {light_node("m")}}}) AS items
    RETURN size(items) AS total, items[$offset..$offset + $first] AS page
}}
RETURN nid AS id, total, page"""

EDGES_AMONG: Final = f"""MATCH (a:Node)-[r]->(b:Node)
WHERE a.id IN $ids AND b.id IN $ids AND (size($edge_kinds) = 0 OR type(r) IN $edge_kinds)
RETURN {edge_map("r")} AS edge ORDER BY edge.source, edge.kind, edge.target"""

_EXACT_IDS: Final = """UNWIND range(0, size($ids) - 1) AS rank
    MATCH (n:Node {id: $ids[rank]})
    RETURN n, rank, 0.0 AS score"""

_NAME_HITS: Final = f"""CALL db.index.fulltext.queryNodes('{NAMES_INDEX}', $query) YIELD node, score
    RETURN node AS n, size($ids) AS rank, score"""


def _search(with_text: bool) -> str:
    hits = f"{_EXACT_IDS}\n    UNION ALL\n    {_NAME_HITS}" if with_text else _EXACT_IDS
    return f"""CALL () {{
    {hits}
}}
WITH n, min(rank) AS rank, max(score) AS score
WHERE {visible("n")} AND (size($kinds) = 0 OR {kind_of("n")} IN $kinds)
RETURN {light_node("n")} AS node
ORDER BY rank, score DESC, n.id LIMIT $first"""


#: Search by exact ids (``$ids``, most likely first), then full-text hits on names.
SEARCH: Final = _search(with_text=True)
#: Search by exact ids only (the text has no word to look up).
SEARCH_IDS: Final = _search(with_text=False)

DEGREES: Final = f"""MATCH (n:Node) WHERE n.id IN $ids AND {visible("n")}
RETURN n.id AS id, COUNT {{ MATCH (n)-[]-(m:Node) WHERE {visible("m")} }} AS degree"""

NODE_COUNTS: Final = f"""MATCH (n:Node)
RETURN {kind_of("n")} AS kind, count(*) AS count,
       sum(CASE WHEN n.loaded THEN 1 ELSE 0 END) AS loaded"""

EDGE_COUNTS: Final = """MATCH ()-[r]->()
RETURN type(r) AS kind, count(*) AS count"""

ITER_NODES: Final = f"""MATCH (n:Node)
WHERE n.id > $after AND (size($kinds) = 0 OR {kind_of("n")} IN $kinds)
RETURN {kind_of("n")} AS kind, properties(n) AS props ORDER BY n.id LIMIT $first"""

ITER_NODES_LIGHT: Final = f"""MATCH (n:Node)
WHERE n.id > $after AND (size($kinds) = 0 OR {kind_of("n")} IN $kinds)
WITH {light_node("n")} AS node ORDER BY n.id LIMIT $first
RETURN node.kind AS kind, node.props AS props"""

ITER_EDGES: Final = f"""MATCH (s:Node)-[r]->(:Node)
WHERE s.id > $after AND (size($kinds) = 0 OR type(r) IN $kinds)
WITH s, collect({edge_map("r")}) AS edges ORDER BY s.id LIMIT $first
RETURN s.id AS after, edges"""
