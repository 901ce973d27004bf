"""Every relationship field of the schema as a :class:`RelationSpec`: which edge kinds,
which direction, which far-end kinds. Declared once here, read by the node types."""

from __future__ import annotations

from collections.abc import Sequence

from api.schema.batching import RelationSpec
from api.schema.enums import NodeKind, to_node_kinds
from graph.model import EdgeKind
from graph.store import Direction

OUT, IN = Direction.OUT, Direction.IN

CABLE_ORIGIN = RelationSpec(IN, (EdgeKind.SENT,))
CITES_OUT = RelationSpec(OUT, (EdgeKind.CITES,))
CITES_IN = RelationSpec(IN, (EdgeKind.CITES,))
SENT_TO_OUT = RelationSpec(OUT, (EdgeKind.SENT_TO,))
SENT_TO_IN = RelationSpec(IN, (EdgeKind.SENT_TO,))
REQUESTS_OUT = RelationSpec(OUT, (EdgeKind.REQUESTS,))
REQUESTS_IN = RelationSpec(IN, (EdgeKind.REQUESTS,))
TAGGED_OUT = RelationSpec(OUT, (EdgeKind.TAGGED,))
TAGGED_IN = RelationSpec(IN, (EdgeKind.TAGGED,))
MENTIONED_IN = RelationSpec(IN, (EdgeKind.MENTIONS,))
CLASSIFIED_BY_OUT = RelationSpec(OUT, (EdgeKind.CLASSIFIED_BY,))
CLASSIFIED_BY_IN = RelationSpec(IN, (EdgeKind.CLASSIFIED_BY,))
SIGNED_BY_OUT = RelationSpec(OUT, (EdgeKind.SIGNED_BY,))
SIGNED_BY_IN = RelationSpec(IN, (EdgeKind.SIGNED_BY,))
SENT_OUT = RelationSpec(OUT, (EdgeKind.SENT,))
LOCATED_IN_OUT = RelationSpec(OUT, (EdgeKind.LOCATED_IN,))
LOCATED_IN_IN = RelationSpec(IN, (EdgeKind.LOCATED_IN,))
DENOTES_OUT = RelationSpec(OUT, (EdgeKind.DENOTES,))
DENOTES_IN = RelationSpec(IN, (EdgeKind.DENOTES,))
#: Every cable linked to an official in any role (mentioned, classified by, signed by).
OFFICIAL_CABLES = RelationSpec(IN, (EdgeKind.MENTIONS, EdgeKind.CLASSIFIED_BY, EdgeKind.SIGNED_BY))


def mentions_out(kinds: Sequence[NodeKind] | None) -> RelationSpec:
    """MENTIONS edges of a cable, to the given far-end kinds only (None: all of them).

    >>> mentions_out([NodeKind.Official]).node_kinds
    (<NodeKind.OFFICIAL: 'Official'>,)
    >>> mentions_out(None).node_kinds
    ()
    """
    return RelationSpec(OUT, (EdgeKind.MENTIONS,), to_node_kinds(kinds))
