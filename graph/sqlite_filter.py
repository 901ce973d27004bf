"""SQL for :class:`~graph.store.CableFilter` and for full-text queries.

A filter becomes one ``WHERE`` fragment over the cable aliased ``n`` plus named
parameters; ``all_of`` nests with AND, ``any_of`` with OR. Relations are ``IN``
sub-selects on the edge indexes, so the most selective one can drive the query.

>>> params: dict[str, object] = {}
>>> where = CableFilter(date_from="2008-01-01", tag="tag:JA")
>>> print(filter_sql(where, params))  # doctest: +ELLIPSIS
n.date >= :p0 AND n.nid IN (SELECT src FROM edges WHERE kind = 'TAGGED' AND dst = (SELECT nid ...

>>> params
{'p0': '2008-01-01', 'p1': 'tag:JA'}
"""

from __future__ import annotations

import re
from typing import Final

from graph.store import CableFilter, CableOrder

_WORD: Final = re.compile(r"\w+", re.UNICODE)

#: The cable ordering of ``find_cables``: by date then id, in the ``nodes_kind_date``
#: index order (an undated cable sorts first ascending, last descending; sorting NULLs
#: the other way costs a full sort: 2 s instead of 25 ms at 250k cables).
ORDER_SQL: Final = {
    CableOrder.DATE_ASC: "n.date, n.id",
    CableOrder.DATE_DESC: "n.date DESC, n.id",
    CableOrder.ID_ASC: "n.id",
}

#: Loaded cables only.
CABLE_BASE: Final = "n.kind = 'Cable' AND n.in_corpus = 1"

#: The same, not usable as an index constraint: when a relation or text clause
#: (``n.nid IN (...)``) is there, it should drive the query through the rowid instead.
CABLE_BASE_DRIVEN: Final = "+n.kind = 'Cable' AND +n.in_corpus = 1"


def cable_base(where_sql: str) -> str:
    """The base condition for a filter's WHERE fragment.

    >>> cable_base("n.date >= :p0")
    "n.kind = 'Cable' AND n.in_corpus = 1"
    """
    driven = "n.nid IN" in where_sql and " OR " not in where_sql
    return CABLE_BASE_DRIVEN if driven else CABLE_BASE


def _bind(params: dict[str, object], value: object) -> str:
    name = f"p{len(params)}"
    params[name] = value
    return f":{name}"


def _nid(params: dict[str, object], node_id: str) -> str:
    return f"(SELECT nid FROM nodes WHERE id = {_bind(params, node_id)})"


def _out(kind: str, target: str) -> str:
    return _edge_clause("src", kind, target, probe=False)


def _edge_clause(side: str, kind: str, target: str, probe: bool) -> str:
    """The cable ``n`` has a ``kind`` edge to or from ``target``, the cable being the
    edge's ``side`` (``src`` or ``dst``): as a list of cables (``probe`` false: can drive
    the query), or as a correlated look-up of the one edge (a primary-key or
    ``edges_in`` probe per candidate cable: no list of a hub's 50k cables is built).

    >>> _edge_clause("src", "TAGGED", ":t", probe=False)
    "n.nid IN (SELECT src FROM edges WHERE kind = 'TAGGED' AND dst = :t)"
    >>> _edge_clause("dst", "SENT", ":o", probe=True)
    "EXISTS (SELECT 1 FROM edges WHERE dst = n.nid AND kind = 'SENT' AND src = :o)"
    """
    other = "dst" if side == "src" else "src"
    edge = f"kind = '{kind}' AND {other} = {target}"
    if probe:
        return f"EXISTS (SELECT 1 FROM edges WHERE {side} = n.nid AND {edge})"
    return f"n.nid IN (SELECT {side} FROM edges WHERE {edge})"


def _country_sql(params: dict[str, object], country: str) -> str:
    nid = _nid(params, country)
    denoting = (
        "n.nid IN (SELECT t.src FROM edges d JOIN edges t ON t.dst = d.src AND t.kind = 'TAGGED'"
        f" WHERE d.kind = 'DENOTES' AND d.dst = {nid})"
    )
    return f"({_out('MENTIONS', nid)} OR {denoting})"


def fts_query(text: str, columns: str, prefix: bool = False) -> str | None:
    """An FTS5 query for the words of ``text`` (all must occur) in ``columns``; None when
    there is no word. With ``prefix`` the last word (of 3 characters or more) may be the
    start of a longer one, as when typing.

    >>> fts_query('Japan "ISAF"', "subject body")
    '{subject body} : ("JAPAN" "ISAF")'
    >>> fts_query("glyn dav", "names", prefix=True)
    '{names} : ("GLYN" "DAV"*)'
    >>> fts_query("--", "names") is None
    True
    """
    words = [w.upper() for w in _WORD.findall(text)]
    if not words:
        return None
    star = "*" if prefix and len(words[-1]) >= 3 else ""
    terms = " ".join(f'"{word}"' for word in words) + star
    return f"{{{columns}}} : ({terms})"


def _relation_clauses(where: CableFilter, params: dict[str, object]) -> list[str]:
    """Relation clauses: the first as a list that drives the query, the others as probes
    of each candidate (see :func:`_edge_clause`)."""
    relations = [
        ("dst", "SENT", where.origin),
        ("src", "SENT_TO", where.addressee),
        ("src", "TAGGED", where.tag),
        ("src", "MENTIONS", where.mentions),
    ]
    clauses: list[str] = []
    for side, kind, node_id in relations:
        if node_id:
            target = _nid(params, node_id)
            clauses.append(_edge_clause(side, kind, target, probe=bool(clauses)))
    if where.country:
        clauses.append(_country_sql(params, where.country))
    return clauses


def filter_sql(where: CableFilter, params: dict[str, object]) -> str:
    """The WHERE fragment of ``where`` over alias ``n`` (``1`` when it sets nothing).
    A ``text`` without any word is ignored."""
    clauses: list[str] = []
    if where.date_from:
        clauses.append(f"n.date >= {_bind(params, where.date_from)}")
    if where.date_to:
        clauses.append(f"n.date <= {_bind(params, where.date_to)}")
    if where.classification:
        value = _bind(params, where.classification.strip().upper())
        clauses.append(f"upper(json_extract(n.props, '$.classification')) = {value}")
    clauses.extend(_relation_clauses(where, params))
    query = fts_query(where.text, "subject summary body") if where.text else None
    if query:
        match = _bind(params, query)
        clauses.append(f"n.nid IN (SELECT rowid FROM node_fts WHERE node_fts MATCH {match})")
    clauses.extend(f"({filter_sql(sub, params)})" for sub in where.all_of)
    if where.any_of:
        alternatives = " OR ".join(f"({filter_sql(sub, params)})" for sub in where.any_of)
        clauses.append(f"({alternatives})")
    return " AND ".join(clauses) if clauses else "1"
