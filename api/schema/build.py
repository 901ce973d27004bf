"""Assemble the strawberry schema from the root types and the request extensions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from strawberry.extensions import SchemaExtension

from api.context import AuthorizeOperation
from api.schema.entities import ENTITY_TYPES, Asset, Organization, Reference
from api.schema.mutation import Mutation
from api.schema.nodes import Cable, Post
from api.schema.query import Query

#: Every concrete node type, so each appears in the schema even when no field names it.
NODE_TYPES = (Cable, Post, Asset, Organization, Reference)


def build_schema(
    extensions: Sequence[Callable[[], SchemaExtension]] = (),
) -> strawberry.Schema:
    """The schema, with ``extensions`` (limits, caches) run on every request after the
    scope check.

    >>> "referenceChain(" in build_schema().as_str()
    True
    """
    assert len(ENTITY_TYPES) == 6
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[AuthorizeOperation, *extensions],
    )
