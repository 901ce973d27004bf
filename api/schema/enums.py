"""GraphQL enums, mirroring the domain enums of :mod:`graph.model` and :mod:`graph.store`.

The explorer contract spells node kinds as the domain values (``Cable``, ``Post``), so
the GraphQL enum member names are those values; :func:`to_node_kinds` and
:func:`to_edge_kinds` turn GraphQL arguments back into domain values.

>>> to_node_kinds([NodeKind.Cable, NodeKind.Reference])
(<NodeKind.CABLE: 'Cable'>, <NodeKind.REFERENCE: 'Reference'>)
>>> to_edge_kinds(None)
()
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import strawberry

from graph import model, store


@strawberry.enum(description="The kind of a graph node.")
class NodeKind(StrEnum):
    Cable = "Cable"
    Post = "Post"
    Country = "Country"
    Official = "Official"
    Organization = "Organization"
    Asset = "Asset"
    Tag = "Tag"
    Reference = "Reference"


@strawberry.enum(description="The kind of a graph edge (relationship type).")
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


@strawberry.enum(description="Which way to follow CITES edges.")
class ChainDirection(StrEnum):
    CITES = "CITES"
    CITED_BY = "CITED_BY"
    BOTH = "BOTH"


@strawberry.enum(description="Timeline bucket size.")
class Bucket(StrEnum):
    MONTH = "MONTH"
    YEAR = "YEAR"


@strawberry.enum(description="Order of a cable list.")
class CableOrder(StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"
    ID_ASC = "ID_ASC"


def to_node_kinds(kinds: Sequence[NodeKind] | None) -> tuple[model.NodeKind, ...]:
    """Domain node kinds of a GraphQL argument (None: all kinds, the empty tuple)."""
    return tuple(model.NodeKind(k.value) for k in kinds or ())


def to_edge_kinds(kinds: Sequence[EdgeKind] | None) -> tuple[model.EdgeKind, ...]:
    """Domain edge kinds of a GraphQL argument (None: all kinds, the empty tuple)."""
    return tuple(model.EdgeKind(k.value) for k in kinds or ())


def to_chain_direction(direction: ChainDirection) -> store.ChainDirection:
    """The domain chain direction.

    >>> to_chain_direction(ChainDirection.CITED_BY)
    <ChainDirection.CITED_BY: 'CITED_BY'>
    """
    return store.ChainDirection(direction.value)


def to_bucket(bucket: Bucket) -> store.Bucket:
    """The domain timeline bucket."""
    return store.Bucket(bucket.value)


def to_cable_order(order: CableOrder) -> store.CableOrder:
    """The domain cable order."""
    return store.CableOrder(order.value)
