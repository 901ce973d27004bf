"""Read statements of the embedded store, as module-level constants and small builders.

Lists of ids or node numbers are bound as one JSON array parameter and read with
``json_each``, so a statement's text does not depend on how many values it gets.
Visibility uses the named parameters ``:lvl``/``:nf`` (see ``graph.sqlite_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from graph.model import ENDPOINTS, EdgeKind, NodeKind
from graph.sqlite_rows import NODE_COLUMNS, VISIBLE_N, visible_sql

GET_NODES: Final = f"""
SELECT {NODE_COLUMNS}, t.header, t.body FROM nodes n LEFT JOIN node_text t ON t.nid = n.nid
WHERE n.id IN (SELECT value FROM json_each(:ids)) AND {VISIBLE_N}
"""

NODES_BY_NID: Final = f"""
SELECT n.nid, {NODE_COLUMNS} FROM nodes n WHERE n.nid IN (SELECT value FROM json_each(:nids))
"""

#: Nodes of a flat subgraph (see ``graph.sqlite_read.flat_subgraph``): the columns the
#: explorer's payload shows, props as stored JSON text (a cable's without ``summary``).
FLAT_NODES: Final = """
SELECT n.nid, n.id, n.kind, n.label, n.date, n.in_corpus,
    CASE WHEN n.kind = 'Cable' THEN json_remove(n.props, '$.summary') ELSE n.props END
FROM nodes n WHERE n.nid IN (SELECT value FROM json_each(:nids))
"""

VISIBLE_NIDS: Final = f"""
SELECT n.id, n.nid FROM nodes n WHERE n.id IN (SELECT value FROM json_each(:ids)) AND {VISIBLE_N}
"""


def _reach_values() -> str:
    """``VALUES`` rows of (edge kind, target node kind), from the model's endpoints.

    >>> _reach_values().startswith("VALUES ('SENT', 'Cable'), ('SENT_TO', 'Post')")
    True
    """
    pairs = [(edge, target) for edge, (_, targets) in ENDPOINTS.items() for target in targets]
    rows = sorted(pairs, key=lambda p: (list(EdgeKind).index(p[0]), p[1].value))
    return "VALUES " + ", ".join(f"('{edge.value}', '{target.value}')" for edge, target in rows)


#: Edges among ``:nids``, found from the side that is never a hub: out of cables for the
#: kinds cables send (``:k_out``), into cables for the kinds others send to cables
#: (``:k_in``: SENT), out of the other nodes for the rest (``:k_rest``: LOCATED_IN,
#: DENOTES, one or a few per node). Scanning out of a post hub would read all it SENT.
#: Out of cables, only the kinds that can reach a node kind present among ``:nids``
#: are read (a tag's neighbourhood: CITES and TAGGED, not the many MENTIONS).
EDGES_AMONG: Final = f"""
WITH present(kind) AS (
    SELECT DISTINCT n.kind FROM nodes n WHERE n.nid IN (SELECT value FROM json_each(:nids))),
reach(edge, target) AS ({_reach_values()}),
wanted(kind) AS (
    SELECT DISTINCT r.edge FROM reach r JOIN present p ON p.kind = r.target
    WHERE r.edge IN (SELECT value FROM json_each(:k_out)))
SELECT e.src, e.kind, e.dst, e.props FROM edges e
WHERE e.src IN (SELECT value FROM json_each(:cables))
  AND e.kind IN (SELECT kind FROM wanted)
  AND +e.dst IN (SELECT value FROM json_each(:nids))
UNION ALL
SELECT e.src, e.kind, e.dst, e.props FROM edges e INDEXED BY edges_in
WHERE e.dst IN (SELECT value FROM json_each(:cables))
  AND e.kind IN (SELECT value FROM json_each(:k_in))
  AND +e.src IN (SELECT value FROM json_each(:nids))
UNION ALL
SELECT e.src, e.kind, e.dst, e.props FROM edges e
WHERE e.src IN (SELECT value FROM json_each(:others))
  AND e.kind IN (SELECT value FROM json_each(:k_rest))
  AND +e.dst IN (SELECT value FROM json_each(:nids))
ORDER BY 1, 2, 3
"""


def split_edge_kinds(kinds: Sequence[EdgeKind]) -> tuple[list[str], list[str], list[str]]:
    """Edge kinds (all when empty) by the side :data:`EDGES_AMONG` finds them from.

    >>> split_edge_kinds([EdgeKind.SENT, EdgeKind.CITES, EdgeKind.DENOTES])
    (['CITES'], ['SENT'], ['DENOTES'])
    """
    out, into, rest = [], [], []
    for kind in kinds or list(EdgeKind):
        sources, targets = ENDPOINTS[kind]
        if sources == {NodeKind.CABLE}:
            out.append(kind.value)
        elif targets == {NodeKind.CABLE}:
            into.append(kind.value)
        else:
            rest.append(kind.value)
    return out, into, rest


#: :data:`EDGES_AMONG` when the caller knows the kinds of the nodes: ``:k_out``,
#: ``:k_in`` and ``:k_rest`` already hold only the kinds that can join two of them
#: (see :func:`kinds_among`), so no look-up of the nodes' kinds is needed.
EDGES_AMONG_KNOWN: Final = EDGES_AMONG[EDGES_AMONG.index("SELECT e.src") :].replace(
    "e.kind IN (SELECT kind FROM wanted)", "e.kind IN (SELECT value FROM json_each(:k_out))"
)


def kinds_among(
    kinds: Sequence[EdgeKind], present: set[str]
) -> tuple[list[str], list[str], list[str]]:
    """:func:`split_edge_kinds`, keeping only the kinds whose edges can run between
    node kinds in ``present`` (a neighbourhood of cables and a tag has no SENT edge).

    >>> kinds_among([], {"Cable", "Tag"})
    (['CITES', 'TAGGED'], [], [])
    >>> kinds_among([EdgeKind.SENT, EdgeKind.LOCATED_IN], {"Cable", "Post"})
    ([], ['SENT'], [])
    """

    def joins(kind: str) -> bool:
        sources, targets = ENDPOINTS[EdgeKind(kind)]
        return any(k.value in present for k in sources) and any(k.value in present for k in targets)

    split = split_edge_kinds(kinds)
    out, into, rest = ([k for k in part if joins(k)] for part in split)
    return out, into, rest


EDGES_BY_KEY: Final = """
SELECT s.id, e.kind, d.id, e.props FROM edges e
JOIN nodes s ON s.nid = e.src JOIN nodes d ON d.nid = e.dst
WHERE e.src = ? AND e.kind = ? AND e.dst = ?
"""

#: Out-edges carry their props: they sit in the primary-key row being scanned anyway.
_OUT_PART: Final = """
SELECT e.kind AS kind, e.dst AS far, e.src AS s, e.dst AS d, 0 AS rev, e.props AS props
FROM edges e WHERE e.src = :center"""

#: In-edges are scanned on ``edges_in``, which does not hold props: reading them would
#: cost a primary-key look-up per edge of a hub, so they are read for the page only.
_IN_PART: Final = """
SELECT e.kind AS kind, e.src AS far, e.src AS s, e.dst AS d, 1 AS rev, NULL AS props
FROM edges e INDEXED BY edges_in WHERE e.dst = :center"""


def edge_page_sql(ways: tuple[bool, bool], kinds: bool, far_kinds: bool) -> tuple[str, str]:
    """The page and the count of the edges around one node ``:center`` (ways = (out, in)),
    with an edge-kind filter ``:ek`` and a far-kind filter ``:nk`` when asked.

    The page is ``ORDER BY ... LIMIT``, which SQLite runs with a bounded top-N sorter:
    a window function over all edges of a hub (a post with 370k edges) sorted them all
    and took seconds. Page rows: edge kind, src, dst, reversed, props (in-edges: NULL,
    see :data:`_IN_PART`), far node columns.
    """
    parts = [p for p, on in zip((_OUT_PART, _IN_PART), ways, strict=True) if on]
    conditions = [visible_sql("f")]
    if kinds:
        conditions.append("x.kind IN (SELECT value FROM json_each(:ek))")
    if far_kinds:
        conditions.append("f.kind IN (SELECT value FROM json_each(:nk))")
    scan = f"""WITH x AS ({" UNION ALL ".join(parts)})
SELECT {{columns}} FROM x JOIN nodes f ON f.nid = x.far WHERE {" AND ".join(conditions)}"""
    columns = (
        "x.kind, x.s, x.d, x.rev, x.props, f.id, f.kind, f.label, f.level, f.level_rel, f.props"
    )
    page = scan.format(columns=columns) + (
        " ORDER BY f.date IS NULL, f.date, f.id, x.kind, x.rev LIMIT :first OFFSET :offset"
    )
    return page, scan.format(columns="count(*)")


EDGE_PROPS: Final = "SELECT props FROM edges WHERE src = ? AND kind = ? AND dst = ?"


DEGREES: Final = f"""
WITH c AS (
    SELECT n.nid, n.id FROM nodes n
    WHERE n.id IN (SELECT value FROM json_each(:ids)) AND {VISIBLE_N})
SELECT c.id,
    (SELECT count(*) FROM edges e JOIN nodes f ON f.nid = e.dst
     WHERE e.src = c.nid AND {visible_sql("f")})
  + (SELECT count(*) FROM edges e INDEXED BY edges_in JOIN nodes f ON f.nid = e.src
     WHERE e.dst = c.nid AND {visible_sql("f")})
FROM c
"""

SEARCH_EXACT: Final = f"""
SELECT {NODE_COLUMNS} FROM nodes n
WHERE n.id IN (SELECT value FROM json_each(:ids)) AND {VISIBLE_N} {{kinds}}
"""

SEARCH_TEXT: Final = f"""
SELECT {NODE_COLUMNS} FROM node_fts JOIN nodes n ON n.nid = node_fts.rowid
WHERE node_fts MATCH :query AND {VISIBLE_N} {{kinds}}
ORDER BY {{order}} LIMIT :first
"""

#: BM25 costs ~40 us per matching row: above this many matches, newest rows first.
RANKED_MATCHES: Final = 5000
SEARCH_RANK: Final = "bm25(node_fts, 10.0, 4.0, 1.0, 0.5), n.id"
SEARCH_NEWEST: Final = "node_fts.rowid DESC"
COUNT_MATCHES: Final = (
    "SELECT count(*) FROM (SELECT rowid FROM node_fts WHERE node_fts MATCH :query LIMIT :cap)"
)

KIND_FILTER: Final = "AND n.kind IN (SELECT value FROM json_each(:kinds))"

#: A page of cables: the page's node numbers are picked first (a sort of narrow rows),
#: then their columns read: sorting the matches with their props in the sorter costed
#: ~25% more on an origin + tag page and 4x on a hub tag's page at 250k cables.
FIND_CABLES: Final = f"""
SELECT {NODE_COLUMNS} FROM nodes n WHERE n.nid IN (
    SELECT n.nid FROM nodes n WHERE {{base}} AND {VISIBLE_N} AND ({{where}})
    ORDER BY {{order}} LIMIT :first OFFSET :offset)
ORDER BY {{order}}
"""

COUNT_CABLES: Final = f"""
SELECT count(*) FROM nodes n WHERE {{base}} AND {VISIBLE_N} AND ({{where}})
"""

TIMELINE: Final = f"""
SELECT substr(n.date, 1, :width) AS period, count(*) FROM nodes n
WHERE {{base}} AND {VISIBLE_N} AND n.date IS NOT NULL AND ({{where}})
GROUP BY period ORDER BY period
"""

STATS_NODES: Final = "SELECT kind, count(*) FROM nodes GROUP BY kind"
STATS_EDGES: Final = "SELECT kind, count(*) FROM edges GROUP BY kind"
STATS_CABLES: Final = (
    "SELECT in_corpus, count(*) FROM nodes WHERE kind = 'Cable' GROUP BY in_corpus"
)

ITER_NODES: Final = f"""
SELECT {NODE_COLUMNS}, t.header, t.body FROM nodes n LEFT JOIN node_text t ON t.nid = n.nid
{{where}} ORDER BY n.nid
"""

ITER_NODES_LIGHT: Final = f"""
SELECT {NODE_COLUMNS}, NULL, NULL FROM nodes n {{where}} ORDER BY n.nid
"""

#: In the table's own order (``src``): a sequential scan of the table, not a scan of
#: ``edges_in`` with a look-up in the table per edge (one kind of 9.6M edges at 250k
#: cables: 5.6 s instead of 24 s).
ITER_EDGES: Final = """
SELECT s.id, e.kind, d.id, e.props FROM edges e
JOIN nodes s ON s.nid = e.src JOIN nodes d ON d.nid = e.dst {where} ORDER BY e.src
"""


def iter_sql(template: str, alias: str, kinds: list[str]) -> tuple[str, list[str]]:
    """A bulk statement limited to ``kinds`` (all when empty), and its parameters.

    >>> iter_sql("SELECT 1 FROM edges e {where}", "e", ["SENT"])
    ('SELECT 1 FROM edges e WHERE e.kind IN (?)', ['SENT'])
    """
    marks = ",".join("?" * len(kinds))
    return template.format(where=f"WHERE {alias}.kind IN ({marks})" if kinds else ""), kinds


CLEAR: Final = (
    "DELETE FROM edges",
    "DELETE FROM node_text",
    "DELETE FROM nodes",
    "INSERT INTO node_fts(node_fts) VALUES ('rebuild')",
)
