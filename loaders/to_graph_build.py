"""The builder behind :mod:`loaders.to_graph`: one cable's nodes and edges as flat tuples.

Ingest sends a cable's graph from a worker process to the writer; plain tuples pickle
several times faster than the frozen model dataclasses, so the mapping builds them
directly (:class:`FlatBuilder`) and :func:`~loaders.to_graph_flat.inflate` turns them into a
:class:`~graph.model.GraphBatch` only where one is wanted. Ids of recurring values
(posts, countries, tags, officials) are cached per process, and so are the node tuples
of recurring entities at each pair of levels (:func:`official_node` ...), all levels
of one entity sharing its label and props: a cable's batch shares them with every
other batch of the process, so they must never be changed (nothing does: the builder
merges into a new tuple, the stores only read).

>>> builder = FlatBuilder(1, 1)
>>> post = builder.node(NodeKind.POST, "Tokyo", "TOKYO", {})
>>> country = builder.node(NodeKind.COUNTRY, "JA", "Japan", {})
>>> builder.edge(post, EdgeKind.LOCATED_IN, country, {})
>>> builder.flat()
([('post:TOKYO', 'Post', 'TOKYO', {}, 1, 1), ('country:JA', 'Country', 'Japan', {}, 1, 1)], \
[('post:TOKYO', 'LOCATED_IN', 'country:JA', {})])
>>> builder.edge(country, EdgeKind.LOCATED_IN, post, {})
Traceback (most recent call last):
...
graph.model.ModelError: edge LOCATED_IN cannot run from Country to Post
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeAlias

from graph.model import (
    ENDPOINTS,
    EdgeKind,
    FlatBatch,
    FlatEdge,
    FlatNode,
    NodeId,
    NodeKind,
    PropValue,
    check_endpoints,
    make_id,
    normalize_part,
)

try:  # the compiled counter, built by ``pip install`` (to_graph_count_c.pyx); same counts
    from loaders.to_graph_count_c import count_words as _compiled_count
except ImportError:  # pragma: no cover - a checkout that was never built
    _compiled_count = None  # type: ignore[assignment]

EdgeKey: TypeAlias = tuple[str, str, str]
#: A node without its levels: id, kind, label, props. The nodes of one entity at every
#: pair of levels share it (its label and props are the same objects).
NodeCore: TypeAlias = tuple[str, str, str, dict[str, PropValue]]
#: Whole-word counts of each needle in a haystack (see :func:`count_each`).
WordCounter: TypeAlias = Callable[[str, Sequence[str]], list[int]]

_OFFICIAL: Final = NodeKind.OFFICIAL.value
#: Officials kept made (most recently used; the other caches stay far smaller: posts,
#: countries, tags and organizations recur): under 20 MB per process when full.
_OFFICIALS: Final = 1 << 14
#: Allowed (edge kind, source kind, target kind), as the strings flat tuples carry.
_ALLOWED: Final = frozenset(
    (edge.value, source.value, target.value)
    for edge, (sources, targets) in ENDPOINTS.items()
    for source in sources
    for target in targets
)
_NODE_KINDS: Final = {kind.value: kind for kind in NodeKind}


@functools.lru_cache(maxsize=1 << 16)
def normalized(value: str) -> str:
    """:func:`graph.model.normalize_part`, cached (the same names recur in every cable).

    >>> normalized(" Glyn  Davies ")
    'GLYN-DAVIES'
    """
    return normalize_part(value)


def node_id(kind: NodeKind, part: str) -> NodeId:
    """:func:`graph.model.make_id` of one part, cached.

    >>> node_id(NodeKind.POST, "Tokyo")
    'post:TOKYO'
    """
    return _cached_id(kind._value_, part)


@functools.lru_cache(maxsize=1 << 16)
def _cached_id(kind: str, part: str) -> NodeId:
    return make_id(_NODE_KINDS[kind], part)  # keyed by str: an Enum hashes in Python


def count_lowered(haystack: str, needle: str) -> int:
    """How often ``needle`` occurs in ``haystack`` (both lower-cased) as whole words,
    at least 1; overlapping occurrences count. (``str.find``, no regex: fast.)

    >>> count_lowered("isaf, isafx isaf", "isaf")
    2
    >>> count_lowered("a a a", "a a"), count_lowered("", "isaf"), count_lowered("x", "")
    (2, 1, 1)
    """
    count, size, limit = 0, len(needle), len(haystack)
    found = haystack.find(needle) if needle else -1
    while found >= 0:
        end = found + size
        if (found == 0 or not haystack[found - 1].isalnum()) and (
            end == limit or not haystack[end].isalnum()
        ):
            count += 1
        found = haystack.find(needle, found + 1)
    return max(1, count)


def count_each(haystack: str, needles: Sequence[str]) -> list[int]:
    """:func:`count_lowered` of each of ``needles`` in ``haystack``.

    >>> count_each("japan and japan; japanese", ["japan", "isaf", "japan and"])
    [2, 1, 1]
    """
    return [count_lowered(haystack, needle) for needle in needles]


#: :func:`count_lowered` of each needle in one haystack: compiled when built (one pass
#: over the haystack for all needles), else :func:`count_each`; the same counts either way.
count_words: Final[WordCounter] = count_each if _compiled_count is None else _compiled_count


@dataclass(slots=True)
class FlatBuilder:
    """Collects one cable's nodes (one per id) and edges (one per key), flat."""

    level: int
    level_rel: int
    nodes: dict[NodeId, FlatNode] = field(default_factory=dict)
    edges: dict[EdgeKey, FlatEdge] = field(default_factory=dict)

    def node(self, kind: NodeKind, part: str, label: str, props: dict[str, PropValue]) -> str:
        """Add a node (the first write of an id wins; officials' titles are merged)."""
        new_id = node_id(kind, part)
        self.put(new_id, kind, label, props)
        return new_id

    def put(self, new_id: str, kind: NodeKind, label: str, props: dict[str, PropValue]) -> None:
        """Add a node whose id is already made (see :meth:`node`)."""
        known = self.nodes.get(new_id)
        if known is None:
            self.nodes[new_id] = (new_id, kind._value_, label, props, self.level, self.level_rel)
        elif kind is NodeKind.OFFICIAL:
            titles = tuple(dict.fromkeys((*titles_of(known[3]), *titles_of(props))))
            merged = {**known[3], "titles": titles}
            self.nodes[new_id] = (new_id, known[1], known[2], merged, known[4], known[5])

    def add(self, node: FlatNode) -> None:
        """Add a node made beforehand (see :func:`official_node`): as :meth:`put` does."""
        known = self.nodes.get(node[0])
        if known is None:
            self.nodes[node[0]] = node
        elif node[1] == _OFFICIAL:
            self.put(node[0], NodeKind.OFFICIAL, node[2], node[3])

    def edge(self, source: str, kind: EdgeKind, target: str, props: dict[str, PropValue]) -> None:
        """Add an edge unless one of its key is there; ``ModelError`` if not allowed."""
        value = kind._value_
        shape = (value, self.nodes[source][1], self.nodes[target][1])
        if shape not in _ALLOWED:
            check_endpoints(kind, _NODE_KINDS[shape[1]], _NODE_KINDS[shape[2]])
        key = (source, value, target)
        if key not in self.edges:
            self.edges[key] = (source, value, target, props)

    def link(self, source: str, kind: str, target: str, props: dict[str, PropValue]) -> None:
        """:meth:`edge` of a shape the caller knows is allowed (no check), ``kind`` the
        edge kind's value."""
        key = (source, kind, target)
        if key not in self.edges:
            self.edges[key] = (source, kind, target, props)

    def add_edge(self, edge: FlatEdge) -> None:
        """Add an edge made beforehand, of an allowed shape (see :meth:`link`)."""
        key = edge[:3]
        if key not in self.edges:
            self.edges[key] = edge

    def flat(self) -> FlatBatch:
        """The collected nodes and edges, in the order first added."""
        return list(self.nodes.values()), list(self.edges.values())


def at_levels(core: NodeCore | None, level: int, level_rel: int) -> FlatNode | None:
    """The node of ``core`` at these levels (None stays None).

    >>> at_levels(("tag:PREL", "Tag", "PREL", {}), 1, 99)
    ('tag:PREL', 'Tag', 'PREL', {}, 1, 99)
    """
    return None if core is None else (core[0], core[1], core[2], core[3], level, level_rel)


def entity_core(
    kind: NodeKind, part: str, label: str, props: dict[str, PropValue]
) -> NodeCore | None:
    """The node of ``kind`` named by ``part`` without its levels; None when ``part``
    has no id part.

    >>> entity_core(NodeKind.ASSET, "CH-47", "CH-47", {})
    ('asset:CH-47', 'Asset', 'CH-47', {})
    >>> entity_core(NodeKind.ASSET, "--", "--", {}) is None
    True
    """
    if not (part and normalized(part)):
        return None
    return (node_id(kind, part), kind._value_, label, props)


@functools.lru_cache(maxsize=_OFFICIALS)
def official_node(name: str, title: str | None, level: int, level_rel: int) -> FlatNode | None:
    """The official node of ``name`` (titles: ``title`` when given) at these levels;
    None when ``name`` has no id part. Made once per process.

    >>> official_node("Glyn Davies", "EAP Acting A/S", 1, 1)
    ('official:GLYN-DAVIES', 'Official', 'Glyn Davies', {'key': 'GLYN-DAVIES', \
'name': 'Glyn Davies', 'titles': ('EAP Acting A/S',)}, 1, 1)
    >>> official_node("Rice", None, 0, 0)[3] is official_node("Rice", None, 2, 99)[3]
    True
    """
    return at_levels(_official(name, title), level, level_rel)


@functools.lru_cache(maxsize=_OFFICIALS)
def _official(name: str, title: str | None) -> NodeCore | None:
    titles: tuple[str, ...] = (title,) if title else ()
    props: dict[str, PropValue] = {"key": normalized(name), "name": name, "titles": titles}
    return entity_core(NodeKind.OFFICIAL, name, name, props)


@functools.lru_cache(maxsize=1 << 16)
def organization_node(code: str, level: int, level_rel: int) -> FlatNode | None:
    """The Organization node of ``code`` (its name too) at these levels, or None."""
    return at_levels(_organization(code), level, level_rel)


@functools.lru_cache(maxsize=1 << 16)
def _organization(code: str) -> NodeCore | None:
    return entity_core(NodeKind.ORGANIZATION, code, code, {"code": code, "name": code})


@functools.lru_cache(maxsize=1 << 16)
def asset_node(name: str, kind: str, level: int, level_rel: int) -> FlatNode | None:
    """The Asset node of ``name`` at these levels, or None."""
    return at_levels(_asset(name, kind), level, level_rel)


@functools.lru_cache(maxsize=1 << 16)
def _asset(name: str, kind: str) -> NodeCore | None:
    return entity_core(NodeKind.ASSET, name, name, {"name": name, "kind": kind})


def titles_of(props: Mapping[str, PropValue]) -> tuple[str, ...]:
    """An official's titles in its props (none when absent)."""
    value = props.get("titles")
    return value if isinstance(value, tuple) else ()
