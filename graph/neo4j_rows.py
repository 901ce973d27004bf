"""Rows the Neo4j store sends and records it receives, as pure conversions.

Neo4j properties hold scalars and homogeneous lists, never maps or nulls: a node's
props are stored as properties (tuples as string lists), the names of props whose value
is ``None`` in the ``null_props`` string list, so every node reads back as written.
The node kind is the label beside ``:Node``.

>>> node = Node("official:GLYN-DAVIES", NodeKind.OFFICIAL, "Glyn Davies",
...             {"name": "Glyn Davies", "titles": ("EAP Acting A/S",), "key": None}, 1, 1)
>>> row = to_node_row(node)
>>> row["props"]["titles"], row["props"]["null_props"]
(['EAP Acting A/S'], ['key'])
>>> stored = {**row["props"], "level": 1, "level_rel": 1}
>>> to_node({"kind": "Official", "props": stored}) == node
True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, Final, TypeAlias, TypeVar

from graph.model import Edge, EdgeKind, Node, NodeKind, PropValue

#: One row of an ``UNWIND $rows`` write.
Row: TypeAlias = dict[str, Any]
#: One record of a read, as ``Record.data()`` gives it.
Record: TypeAlias = Mapping[str, Any]
T = TypeVar("T")

#: Properties of every stored node that are not props of the model node.
RESERVED: Final = ("id", "label", "level", "level_rel", "loaded", "null_props")
#: Props left out of every read but ``get_nodes`` (as in the embedded store).
HEAVY_PROPS: Final = ("header", "body")

MIN_CHUNK: Final = 1_000
MAX_CHUNK: Final = 10_000


class ChunkSizeError(ValueError):
    """A write chunk size outside the allowed range."""


def check_chunk_size(size: int) -> int:
    """``size`` if it lies within ``MIN_CHUNK``..``MAX_CHUNK``.

    >>> check_chunk_size(5000)
    5000
    >>> check_chunk_size(50)
    Traceback (most recent call last):
    ...
    graph.neo4j_rows.ChunkSizeError: chunk size 50 is outside 1000..10000 rows
    """
    if not MIN_CHUNK <= size <= MAX_CHUNK:
        raise ChunkSizeError(f"chunk size {size} is outside {MIN_CHUNK}..{MAX_CHUNK} rows")
    return size


def split_chunks(rows: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive chunks of at most ``size`` rows (``size`` checked).

    >>> [len(c) for c in split_chunks(list(range(2500)), 1000)]
    [1000, 1000, 500]
    >>> list(split_chunks([], 1000))
    []
    """
    check_chunk_size(size)
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def to_property(value: PropValue) -> str | int | float | bool | list[str] | None:
    """A prop value as a Neo4j property value (tuples become string lists).

    >>> to_property(("a", "b"))
    ['a', 'b']
    >>> to_property(3)
    3
    """
    if isinstance(value, tuple):
        return [str(v) for v in value]
    return value


def to_node_row(node: Node) -> Row:
    """The ``UNWIND`` row of ``node``: ``props`` is the full property map to store.

    >>> row = to_node_row(Node("cable:X", NodeKind.CABLE, "X", {"in_corpus": False}))
    >>> row["loaded"], row["props"]["label"]
    (False, 'X')
    """
    props: dict[str, Any] = {
        k: to_property(v) for k, v in node.props.items() if v is not None and k not in RESERVED
    }
    if nulls := [k for k, v in node.props.items() if v is None]:
        props["null_props"] = sorted(nulls)
    props.update(id=node.id, label=node.label)
    return {
        "id": node.id,
        "props": props,
        "level": node.level,
        "level_rel": node.level_rel,
        "loaded": bool(node.props.get("in_corpus", True)) if node.kind is NodeKind.CABLE else None,
        "titles": props.get("titles"),
    }


def to_edge_row(edge: Edge) -> Row:
    """The ``UNWIND`` row of ``edge`` (null props named in ``null_props``).

    >>> to_edge_row(Edge("cable:A", EdgeKind.MENTIONS, "country:JA", {"count": 3}))
    {'source': 'cable:A', 'target': 'country:JA', 'props': {'count': 3}}
    """
    if not edge.props:  # most edges: no props at all
        return {"source": edge.source, "target": edge.target, "props": {}}
    props: dict[str, Any] = {k: to_property(v) for k, v in edge.props.items() if v is not None}
    if len(props) < len(edge.props):
        props["null_props"] = sorted(k for k, v in edge.props.items() if v is None)
    return {"source": edge.source, "target": edge.target, "props": props}


def from_property(value: Any) -> PropValue:
    """A property value read back (lists become tuples of strings).

    >>> from_property(["a", "b"])
    ('a', 'b')
    """
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def to_node(record: Record) -> Node:
    """A node from a record ``{kind, props}``; ``props`` is a map or ``[key, value]``
    pairs (the light projection that leaves out heavy text).

    >>> to_node({"kind": "Post", "props": [["id", "post:TOKYO"], ["label", "TOKYO"],
    ...          ["level", 0], ["level_rel", 0], ["name", "AMEMBASSY TOKYO"]]})
    Node(id='post:TOKYO', kind=<NodeKind.POST: 'Post'>, label='TOKYO', props={'name': \
'AMEMBASSY TOKYO'}, level=0, level_rel=0)
    """
    raw = record["props"]
    stored: dict[str, Any] = dict(raw) if isinstance(raw, Mapping) else dict(map(tuple, raw))
    props: dict[str, PropValue] = dict.fromkeys(stored.get("null_props") or ())
    props.update((k, from_property(v)) for k, v in sorted(stored.items()) if k not in RESERVED)
    return Node(
        id=str(stored["id"]),
        kind=NodeKind(record["kind"]),
        label=str(stored.get("label", "")),
        props=props,
        level=int(stored.get("level", 0)),
        level_rel=int(stored.get("level_rel", 0)),
    )


def to_edge(record: Record) -> Edge:
    """An edge from a record ``{source, kind, target, props}``.

    >>> to_edge({"source": "post:STATE", "kind": "SENT", "target": "cable:X", "props": {}})
    Edge(source='post:STATE', kind=<EdgeKind.SENT: 'SENT'>, target='cable:X', props={})
    """
    stored: Mapping[str, Any] = record["props"]
    props: dict[str, PropValue] = dict.fromkeys(stored.get("null_props") or ())
    props.update((k, from_property(v)) for k, v in sorted(stored.items()) if k != "null_props")
    return Edge(
        source=str(record["source"]),
        kind=EdgeKind(record["kind"]),
        target=str(record["target"]),
        props=props,
    )
