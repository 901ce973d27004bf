"""Assemble the strawberry schema from the root types and the request extensions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.utils.logging import StrawberryLogger

from api.context import AuthorizeOperation
from api.errors import ErrorCode, describe
from api.schema.entities import ENTITY_TYPES, Asset, Organization, Reference
from api.schema.mutation import Mutation
from api.schema.nodes import Cable, Post
from api.schema.query import Query

log = logging.getLogger(__name__)

#: Error codes that are the server's own failure: logged at ERROR with the traceback.
SERVER_FAULTS = frozenset({ErrorCode.INTERNAL, ErrorCode.STORE_UNAVAILABLE})


def is_client_error(error: GraphQLError) -> bool:
    """Is ``error`` the caller's (bad syntax, a limit, a refusal, bad input, not found)
    rather than the server's?

    >>> from api.limits import LimitError
    >>> is_client_error(GraphQLError("x", original_error=LimitError("depth", 12, 50)))
    True
    >>> is_client_error(GraphQLError("x", original_error=KeyError("bug")))
    False
    >>> is_client_error(GraphQLError("Syntax Error: Unexpected Name 'x'."))
    True
    """
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        return True
    return describe(original)[0] not in SERVER_FAULTS


class CableSchema(strawberry.Schema):
    """strawberry's schema, logging as an operator needs: a client's error (a limit,
    a refusal, a syntax error) is one INFO line without a traceback; only the server's
    own failures are logged at ERROR with their traceback (strawberry logs every error
    at ERROR with one). Messages never carry tokens (:mod:`api.auth`)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if is_client_error(error):
                log.info("request refused: %s", error.message)
            else:
                StrawberryLogger.error(error, execution_context)


#: Every concrete node type, so each appears in the schema even when no field names it.
NODE_TYPES = (Cable, Post, Asset, Organization, Reference)


def build_schema(
    extensions: Sequence[Callable[[], SchemaExtension]] = (),
) -> CableSchema:
    """The schema, with ``extensions`` (limits, caches) run on every request after the
    scope check.

    >>> "referenceChain(" in build_schema().as_str()
    True
    """
    assert len(ENTITY_TYPES) == 6
    return CableSchema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[AuthorizeOperation, *extensions],
    )
