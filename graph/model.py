"""The cable graph's domain model, declared once.

Node kinds, edge kinds and the endpoints each edge kind allows live here and nowhere
else; both stores, the loaders and the API read them from this module. The module
imports nothing of the project.

Ids are deterministic: :func:`make_id` builds them from normalised parts, so every
store and every re-ingest agree on them.

>>> make_id(NodeKind.CABLE, "08STATE68633")
'cable:08STATE68633'
>>> make_id(NodeKind.POST, "Amembassy  London")
'post:AMEMBASSY-LONDON'
>>> check_endpoints(EdgeKind.SENT, NodeKind.POST, NodeKind.CABLE)
>>> check_endpoints(EdgeKind.SENT, NodeKind.CABLE, NodeKind.POST)
Traceback (most recent call last):
...
graph.model.ModelError: edge SENT cannot run from Cable to Post
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import TypeAlias

PropValue: TypeAlias = str | int | float | bool | tuple[str, ...] | None
Props: TypeAlias = Mapping[str, PropValue]
NodeId: TypeAlias = str
#: A node as plain values, as ingest workers send it (cheap to pickle): id, kind, label,
#: props, level, level_rel.
FlatNode: TypeAlias = tuple[str, str, str, dict[str, PropValue], int, int]
#: An edge as plain values: source, kind, target, props.
FlatEdge: TypeAlias = tuple[str, str, str, dict[str, PropValue]]
#: One cable's nodes and edges as plain values.
FlatBatch: TypeAlias = tuple[list[FlatNode], list[FlatEdge]]


class ModelError(ValueError):
    """A structural error: a node or edge that the model does not allow."""


class NodeKind(StrEnum):
    CABLE = "Cable"
    POST = "Post"
    COUNTRY = "Country"
    OFFICIAL = "Official"
    ORGANIZATION = "Organization"
    ASSET = "Asset"
    TAG = "Tag"
    REFERENCE = "Reference"


class EdgeKind(StrEnum):
    SENT = "SENT"
    SENT_TO = "SENT_TO"
    CITES = "CITES"
    REQUESTS = "REQUESTS"
    TAGGED = "TAGGED"
    MENTIONS = "MENTIONS"
    CLASSIFIED_BY = "CLASSIFIED_BY"
    SIGNED_BY = "SIGNED_BY"
    LOCATED_IN = "LOCATED_IN"
    DENOTES = "DENOTES"


class Level(IntEnum):
    """Classification levels, ordered. A cable's level is the first word of its marking."""

    UNCLASSIFIED = 0
    CONFIDENTIAL = 1
    SECRET = 2


#: Level stored for "no such cable" (see :class:`Node.level_rel`).
NEVER: int = 99

_K = NodeKind
#: Allowed (source kinds, target kinds) of every edge kind.
ENDPOINTS: Mapping[EdgeKind, tuple[frozenset[NodeKind], frozenset[NodeKind]]] = {
    EdgeKind.SENT: (frozenset({_K.POST}), frozenset({_K.CABLE})),
    EdgeKind.SENT_TO: (frozenset({_K.CABLE}), frozenset({_K.POST})),
    EdgeKind.CITES: (frozenset({_K.CABLE}), frozenset({_K.CABLE, _K.REFERENCE})),
    EdgeKind.REQUESTS: (frozenset({_K.CABLE}), frozenset({_K.POST})),
    EdgeKind.TAGGED: (frozenset({_K.CABLE}), frozenset({_K.TAG})),
    EdgeKind.MENTIONS: (
        frozenset({_K.CABLE}),
        frozenset({_K.COUNTRY, _K.OFFICIAL, _K.ORGANIZATION, _K.ASSET}),
    ),
    EdgeKind.CLASSIFIED_BY: (frozenset({_K.CABLE}), frozenset({_K.OFFICIAL})),
    EdgeKind.SIGNED_BY: (frozenset({_K.CABLE}), frozenset({_K.OFFICIAL})),
    EdgeKind.LOCATED_IN: (frozenset({_K.POST}), frozenset({_K.COUNTRY})),
    EdgeKind.DENOTES: (frozenset({_K.TAG}), frozenset({_K.COUNTRY, _K.ORGANIZATION})),
}

#: Properties each node kind carries (besides id, kind, label, level, level_rel).
NODE_PROPS: Mapping[NodeKind, tuple[str, ...]] = {
    _K.CABLE: (
        "date",
        "dtg",
        "subject",
        "classification",
        "caveats",
        "precedence",
        "summary",
        "header",
        "body",
        "in_corpus",
    ),
    _K.POST: ("key", "name", "kind", "country"),
    _K.COUNTRY: ("code", "name"),
    _K.OFFICIAL: ("key", "name", "titles"),
    _K.ORGANIZATION: ("code", "name"),
    _K.ASSET: ("name", "kind"),
    _K.TAG: ("code", "kind"),
    _K.REFERENCE: ("key", "kind", "text"),
}

#: Properties each edge kind carries.
EDGE_PROPS: Mapping[EdgeKind, tuple[str, ...]] = {
    EdgeKind.SENT: (),
    EdgeKind.SENT_TO: ("role", "precedence"),
    EdgeKind.CITES: ("bullet",),
    EdgeKind.REQUESTS: ("action", "deadline"),
    EdgeKind.TAGGED: (),
    EdgeKind.MENTIONS: ("count",),
    EdgeKind.CLASSIFIED_BY: (),
    EdgeKind.SIGNED_BY: (),
    EdgeKind.LOCATED_IN: (),
    EdgeKind.DENOTES: (),
}

_NON_ALNUM = re.compile(r"[^0-9A-Z]+")


def normalize_part(part: str) -> str:
    """Fold a value to the form used inside ids: ASCII upper case, runs of other
    characters collapsed to one ``-``.

    >>> normalize_part(" Glyn  Davies ")
    'GLYN-DAVIES'
    >>> normalize_part("Ch-47")
    'CH-47'
    >>> normalize_part("Müller")
    'MULLER'
    """
    folded = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", folded.upper()).strip("-")


def make_id(kind: NodeKind, *parts: str) -> NodeId:
    """The one way to make a node id: the kind's slug and the normalised parts.

    >>> make_id(NodeKind.OFFICIAL, "Glyn Davies")
    'official:GLYN-DAVIES'
    >>> make_id(NodeKind.TAG, "")
    Traceback (most recent call last):
    ...
    graph.model.ModelError: id of Tag needs a non-empty part, got ''
    """
    cleaned = [normalize_part(p) for p in parts]
    if not cleaned or not all(cleaned):
        raise ModelError(f"id of {kind} needs a non-empty part, got {parts[0] if parts else ''!r}")
    return f"{kind.value.lower()}:{'/'.join(cleaned)}"


def kind_of_id(node_id: NodeId) -> NodeKind:
    """The node kind an id was made for.

    >>> kind_of_id('cable:08STATE68633')
    <NodeKind.CABLE: 'Cable'>
    """
    slug, sep, _ = node_id.partition(":")
    for kind in NodeKind:
        if sep and kind.value.lower() == slug:
            return kind
    raise ModelError(f"not a node id: {node_id!r}")


def check_endpoints(edge: EdgeKind, source: NodeKind, target: NodeKind) -> None:
    """Raise :class:`ModelError` unless ``edge`` may run from ``source`` to ``target``."""
    sources, targets = ENDPOINTS[edge]
    if source not in sources or target not in targets:
        raise ModelError(f"edge {edge} cannot run from {source} to {target}")


@dataclass(frozen=True, slots=True)
class Clearance:
    """What a caller may see: the highest level, and whether NOFORN cables are allowed.

    >>> Clearance(Level.SECRET, noforn=False).can_see(Level.CONFIDENTIAL, NEVER)
    False
    >>> Clearance(Level.SECRET, noforn=True).can_see(Level.CONFIDENTIAL, NEVER)
    True
    """

    level: Level
    noforn: bool = False

    def can_see(self, level: int, level_rel: int) -> bool:
        return level_rel <= self.level or (self.noforn and level <= self.level)


#: Sees everything: used by ingest, export and local tools.
FULL_CLEARANCE = Clearance(Level.SECRET, noforn=True)


@dataclass(frozen=True, slots=True)
class Node:
    """A node. ``level``/``level_rel`` carry its visibility:

    - a loaded cable: ``level`` is its classification level, ``level_rel`` the same
      unless it is NOFORN (then :data:`NEVER`);
    - every other node (placeholders included): the lowest of those values over the
      cables linked to it, so it is seen by whoever can see one of those cables.
    """

    id: NodeId
    kind: NodeKind
    label: str
    props: Props = field(default_factory=dict)
    level: int = 0
    level_rel: int = 0


@dataclass(frozen=True, slots=True)
class Edge:
    source: NodeId
    kind: EdgeKind
    target: NodeId
    props: Props = field(default_factory=dict)

    @property
    def key(self) -> tuple[NodeId, EdgeKind, NodeId]:
        """Edges are unique by (source, kind, target); a later write replaces props."""
        return (self.source, self.kind, self.target)


@dataclass(frozen=True, slots=True)
class GraphBatch:
    """Nodes and edges written together, in one transaction.

    Merge rules every store follows: a node's props are replaced by a later write,
    except that a placeholder cable (``in_corpus`` false) never overwrites a loaded one,
    and an official's ``titles`` are the union of all writes; ``level`` and
    ``level_rel`` keep the minimum of all writes (a loaded cable keeps its own).
    """

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
