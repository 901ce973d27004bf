"""Cypher for :class:`~graph.store.CableFilter`, composed from fixed fragments.

A filter becomes a condition over the cable bound to ``c`` plus parameters ``$f0``,
``$f1``, ...; ``all_of`` nests with AND, ``any_of`` with OR. A ``text`` part becomes a
full-text lookup run first (a ``CALL () {...}`` that collects the matching ids), so the
condition only tests membership. The semantics follow the embedded store
(``graph/sqlite_filter.py``): ``country`` is a MENTIONS of the country or a TAGGED tag
that DENOTES it; ``classification`` compares upper-cased.

>>> cypher = filter_cypher(CableFilter(date_from="2008-01-01", tag="tag:JA"))
>>> cypher.condition
'c.date >= $f0 AND EXISTS { MATCH (c)-[:TAGGED]->(:Node {id: $f1}) }'
>>> cypher.params
{'f0': '2008-01-01', 'f1': 'tag:JA'}
>>> filter_cypher(CableFilter()).condition
'true'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from graph.neo4j_cypher import CABLE_TEXT_INDEX, light_node, visible
from graph.store import CableFilter, CableOrder

_WORD: Final = re.compile(r"\w+", re.UNICODE)

#: The cable ordering of ``find_cables`` (as the embedded store: undated last).
ORDER: Final = {
    CableOrder.DATE_ASC: "c.date IS NULL, c.date, c.id",
    CableOrder.DATE_DESC: "c.date IS NULL, c.date DESC, c.id",
    CableOrder.ID_ASC: "c.id",
}

#: Loaded cables the caller may see.
CABLE_BASE: Final = f"MATCH (c:Cable) WHERE c.loaded AND {visible('c')}"


@dataclass(slots=True)
class FilterCypher:
    """A filter compiled: full-text look-ups to run first, the condition, the params."""

    lookups: list[str] = field(default_factory=list)
    condition: str = "true"
    params: dict[str, object] = field(default_factory=dict)

    def bind(self, value: object) -> str:
        """A fresh parameter holding ``value``, as ``$name``."""
        name = f"f{len(self.params)}"
        self.params[name] = value
        return f"${name}"


def lucene_query(text: str, prefix: bool = False) -> str | None:
    """A Lucene query for the words of ``text`` (all must occur), lower-cased so no word
    reads as an operator; None when there is no word.

    >>> lucene_query('Japan "ISAF" AND')
    'japan AND isaf AND and'
    >>> lucene_query("08STATE686", prefix=True)
    '08state686*'
    >>> lucene_query("--") is None
    True
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return None
    star = "*" if prefix else ""
    return " AND ".join(f"{w}{star}" for w in words)


def _linked(pattern: str, node_id: str, out: FilterCypher) -> str:
    return f"EXISTS {{ MATCH {pattern.format(x=f'(:Node {{id: {out.bind(node_id)}}})')} }}"


def _relation_clauses(where: CableFilter, out: FilterCypher) -> list[str]:
    clauses: list[str] = []
    if where.origin:
        clauses.append(_linked("{x}-[:SENT]->(c)", where.origin, out))
    if where.addressee:
        clauses.append(_linked("(c)-[:SENT_TO]->{x}", where.addressee, out))
    if where.tag:
        clauses.append(_linked("(c)-[:TAGGED]->{x}", where.tag, out))
    if where.mentions:
        clauses.append(_linked("(c)-[:MENTIONS]->{x}", where.mentions, out))
    if where.country:
        node = f"(:Node {{id: {out.bind(where.country)}}})"
        clauses.append(
            f"(EXISTS {{ MATCH (c)-[:MENTIONS]->{node} }}"
            f" OR EXISTS {{ MATCH (c)-[:TAGGED]->(:Tag)-[:DENOTES]->{node} }})"
        )
    return clauses


def _text_clause(text: str, out: FilterCypher) -> str | None:
    query = lucene_query(text)
    if query is None:
        return None
    param = out.bind(query)
    found = f"text{len(out.lookups)}"
    out.lookups.append(
        f"CALL () {{ CALL db.index.fulltext.queryNodes('{CABLE_TEXT_INDEX}', {param}) "
        f"YIELD node RETURN collect(node.id) AS {found} }}"
    )
    return f"c.id IN {found}"


def _condition(where: CableFilter, out: FilterCypher) -> str:
    clauses: list[str] = []
    if where.date_from:
        clauses.append(f"c.date >= {out.bind(where.date_from)}")
    if where.date_to:
        clauses.append(f"c.date <= {out.bind(where.date_to)}")
    if where.classification:
        value = out.bind(where.classification.strip().upper())
        clauses.append(f"toUpper(c.classification) = {value}")
    clauses.extend(_relation_clauses(where, out))
    if where.text and (text := _text_clause(where.text, out)):
        clauses.append(text)
    clauses.extend(f"({_condition(sub, out)})" for sub in where.all_of)
    if where.any_of:
        alternatives = " OR ".join(f"({_condition(sub, out)})" for sub in where.any_of)
        clauses.append(f"({alternatives})")
    return " AND ".join(clauses) if clauses else "true"


def filter_cypher(where: CableFilter) -> FilterCypher:
    """Compile ``where`` (a ``text`` without any word is ignored)."""
    out = FilterCypher()
    out.condition = _condition(where, out)
    return out


def _matching(compiled: FilterCypher) -> str:
    lookups = "".join(f"{lookup}\n" for lookup in compiled.lookups)
    return f"{lookups}{CABLE_BASE} AND {compiled.condition}"


def count_statement(compiled: FilterCypher) -> str:
    """Count the visible loaded cables ``compiled`` matches."""
    return f"{_matching(compiled)}\nRETURN count(c) AS total"


def page_statement(compiled: FilterCypher, order: CableOrder) -> str:
    """One page (``$offset``, ``$first``) of the cables ``compiled`` matches."""
    return (
        f"{_matching(compiled)}\nWITH c ORDER BY {ORDER[order]} SKIP $offset LIMIT $first\n"
        f"RETURN {light_node('c')} AS node"
    )


def timeline_statement(compiled: FilterCypher, width: int) -> str:
    """Counts per date prefix of ``width`` characters (7: month, 4: year), in order."""
    if width not in (4, 7):
        raise ValueError(f"timeline bucket width must be 4 or 7, got {width!r}")
    return (
        f"{_matching(compiled)} AND c.date IS NOT NULL\n"
        f"WITH substring(c.date, 0, {width}) AS period, count(*) AS count\n"
        "RETURN period, count ORDER BY period"
    )
