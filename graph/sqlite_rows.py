"""Rows of the embedded store and the model objects they stand for.

Pure conversions (no connection here): a :class:`~graph.model.Node` to the column
values ``write`` stores, a selected row back to a ``Node``, and the SQL fragment that
decides visibility.

>>> node = Node("official:GLYN-DAVIES", NodeKind.OFFICIAL, "Glyn Davies",
...             {"name": "Glyn Davies", "titles": ("EAP Acting A/S",)}, 1, 1)
>>> row = to_node_row(node)
>>> row[:7]
('official:GLYN-DAVIES', 'Official', 'Glyn Davies', None, 1, 1, None)
>>> to_node(("official:GLYN-DAVIES", "Official", "Glyn Davies", 1, 1, row[7])) == node
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, Final, TypeAlias

import orjson

from graph.model import Clearance, Edge, EdgeKind, Node, NodeKind, Props, PropValue

#: Stored in ``node_text``, not in ``nodes.props``: returned by ``get_nodes`` only.
HEAVY_PROPS: Final = ("header", "body")

NodeRow: TypeAlias = tuple[str, str, str, str | None, int, int, int | None, str]
TextRow: TypeAlias = tuple[str, str | None, str | None, str | None, str | None, str]

#: Columns selected for a light node (``to_node`` reads them in this order).
NODE_COLUMNS: Final = "n.id, n.kind, n.label, n.level, n.level_rel, n.props"

#: Visibility of the node aliased ``n`` for the named parameters ``:lvl`` and ``:nf``.
VISIBLE_N: Final = "(n.level_rel <= :lvl OR (:nf AND n.level <= :lvl))"


def visible_sql(alias: str) -> str:
    """The visibility test for another alias.

    >>> visible_sql("m")
    '(m.level_rel <= :lvl OR (:nf AND m.level <= :lvl))'
    """
    return VISIBLE_N.replace("n.", f"{alias}.")


def clearance_params(clearance: Clearance) -> dict[str, int]:
    """The named parameters of :data:`VISIBLE_N`.

    >>> from graph.model import Level
    >>> clearance_params(Clearance(Level.CONFIDENTIAL))
    {'lvl': 1, 'nf': 0}
    """
    return {"lvl": int(clearance.level), "nf": int(clearance.noforn)}


def in_corpus_of(node: Node) -> int | None:
    """1 for a loaded cable, 0 for a placeholder, None for other kinds. A cable without
    an ``in_corpus`` prop counts as loaded.

    >>> in_corpus_of(Node("cable:X", NodeKind.CABLE, "X", {"in_corpus": False}))
    0
    """
    if node.kind is not NodeKind.CABLE:
        return None
    return int(bool(node.props.get("in_corpus", True)))


def to_node_row(node: Node) -> NodeRow:
    """The ``nodes`` columns of ``node`` (heavy text left out of ``props``)."""
    light = {k: v for k, v in node.props.items() if k not in HEAVY_PROPS}
    date = node.props.get("date") if node.kind is NodeKind.CABLE else None
    return (
        node.id,
        node.kind.value,
        node.label,
        date if isinstance(date, str) else None,
        node.level,
        node.level_rel,
        in_corpus_of(node),
        orjson.dumps(light).decode(),
    )


def _text(props: Props, key: str) -> str | None:
    value = props.get(key)
    return value if isinstance(value, str) else None


def to_text_row(node: Node) -> TextRow:
    """The ``node_text`` columns of ``node``: searchable names (label, name, key, code),
    subject, summary, body and header, then the node id.

    >>> to_text_row(Node("post:TOKYO", NodeKind.POST, "TOKYO", {"name": "AMEMBASSY TOKYO"}))
    ('TOKYO AMEMBASSY TOKYO', None, None, None, None, 'post:TOKYO')
    """
    props = node.props
    names = [node.label]
    for key in ("name", "key", "code"):
        value = _text(props, key)
        if value and value not in names:
            names.append(value)
    return (
        " ".join(names),
        _text(props, "subject"),
        _text(props, "summary"),
        _text(props, "body"),
        _text(props, "header"),
        node.id,
    )


def load_props(text: str | bytes | None) -> dict[str, PropValue]:
    """Props from stored JSON; lists come back as tuples.

    >>> load_props('{"titles": ["A", "B"], "n": 2}')
    {'titles': ('A', 'B'), 'n': 2}
    >>> load_props(None)
    {}
    """
    if not text or text == "{}":
        return {}
    loaded: dict[str, Any] = orjson.loads(text)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in loaded.items()}


_NODE_KINDS: Final = {k.value: k for k in NodeKind}
_EDGE_KINDS: Final = {k.value: k for k in EdgeKind}


def to_node(row: Sequence[Any], heavy: Mapping[str, str | None] | None = None) -> Node:
    """A node from the :data:`NODE_COLUMNS` of a row, plus its heavy text if given."""
    props = load_props(row[5])
    if heavy:
        props.update({k: v for k, v in heavy.items() if v is not None})
    return Node(
        id=row[0],
        kind=_NODE_KINDS[row[1]],
        label=row[2],
        props=props,
        level=row[3],
        level_rel=row[4],
    )


@functools.lru_cache(maxsize=4096)
def _edge_props(text: str) -> tuple[tuple[str, PropValue], ...]:
    return tuple(load_props(text).items())


def to_edge(source: str, kind: str, target: str, props: str | None) -> Edge:
    """An edge from its stored columns.

    >>> to_edge("post:STATE", "SENT", "cable:X", None)
    Edge(source='post:STATE', kind=<EdgeKind.SENT: 'SENT'>, target='cable:X', props={})
    """
    return Edge(source, _EDGE_KINDS[kind], target, dict(_edge_props(props)) if props else {})


def dump_edge_props(edge: Edge) -> str | None:
    """Stored edge props: NULL when empty (most edges).

    >>> dump_edge_props(Edge("cable:A", EdgeKind.MENTIONS, "country:JA", {"count": 3}))
    '{"count":3}'
    """
    return orjson.dumps(dict(edge.props)).decode() if edge.props else None
