"""Input types: ``CableWhere`` (mapped onto :class:`graph.store.CableFilter`) and
``DocumentInput`` (a document sent to the ``ingest`` mutation)."""

from __future__ import annotations

import strawberry

from graph.model import NodeId, NodeKind, make_id
from graph.store import CableFilter


@strawberry.input(description="A filter over loaded cables; all set fields must hold.")
class CableWhere:
    date_from: str | None = strawberry.field(default=None, description="YYYY-MM-DD, inclusive.")
    date_to: str | None = strawberry.field(default=None, description="YYYY-MM-DD, inclusive.")
    origin: str | None = strawberry.field(default=None, description="Post id or key (TOKYO).")
    addressee: str | None = strawberry.field(default=None, description="Post id or key.")
    tag: str | None = strawberry.field(default=None, description="Tag id or code (PREL).")
    country: str | None = strawberry.field(default=None, description="Country id or code (JA).")
    classification: str | None = strawberry.field(default=None, description="e.g. SECRET.")
    mentions: strawberry.ID | None = strawberry.field(
        default=None, description="Any node id the cable mentions (official:GLYN-DAVIES)."
    )
    text: str | None = strawberry.field(default=None, description="Full text: subject, body.")
    all_of: list[CableWhere] | None = strawberry.field(
        default=None, name="AND", description="Every one of these must hold too."
    )
    any_of: list[CableWhere] | None = strawberry.field(
        default=None, name="OR", description="At least one of these must hold too."
    )


@strawberry.input(description="One document to ingest: an HTML page, a text export or CSV.")
class DocumentInput:
    source: str = strawberry.field(description="A name for it, used in error reports.")
    content: str = strawberry.field(description="The document's text.")


def as_node_id(kind: NodeKind, value: str | None) -> NodeId | None:
    """A node id from an id or a bare key.

    >>> as_node_id(NodeKind.POST, "TOKYO"), as_node_id(NodeKind.POST, "post:TOKYO")
    ('post:TOKYO', 'post:TOKYO')
    >>> as_node_id(NodeKind.TAG, None) is None
    True
    """
    if value is None:
        return None
    prefix = f"{kind.value.lower()}:"
    return value if value.startswith(prefix) else make_id(kind, value)


def to_cable_filter(where: CableWhere | None) -> CableFilter:
    """The store filter of a ``where`` argument.

    >>> to_cable_filter(CableWhere(origin="TOKYO", any_of=[CableWhere(tag="PREL")]))
    ... # doctest: +ELLIPSIS
    CableFilter(...origin='post:TOKYO'...any_of=(CableFilter(...tag='tag:PREL'...),))
    >>> to_cable_filter(None) == CableFilter()
    True
    """
    if where is None:
        return CableFilter()
    return CableFilter(
        date_from=where.date_from,
        date_to=where.date_to,
        origin=as_node_id(NodeKind.POST, where.origin),
        addressee=as_node_id(NodeKind.POST, where.addressee),
        tag=as_node_id(NodeKind.TAG, where.tag),
        country=as_node_id(NodeKind.COUNTRY, where.country),
        classification=where.classification.upper() if where.classification else None,
        mentions=where.mentions,
        text=where.text,
        all_of=tuple(to_cable_filter(w) for w in where.all_of or ()),
        any_of=tuple(to_cable_filter(w) for w in where.any_of or ()),
    )
