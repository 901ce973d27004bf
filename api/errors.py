"""The one place where errors become GraphQL errors.

Domain errors raised by resolvers (a missing node, a failing store, a refused caller,
a limit, a bad argument) become errors with a clear message and an
``extensions.code``; anything else becomes ``internal error`` — the traceback is
logged on the server, never sent. GraphQL's own parse and validation errors are kept
as they are (they only quote the query).

>>> from graph.store import NotFoundError
>>> code, message = describe(NotFoundError("cable:99XYZ1"))
>>> code.value, message
('NOT_FOUND', 'not found: cable:99XYZ1')
>>> describe(KeyError("secret"))[1]
'internal error (logged on the server)'
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from graphql import GraphQLError

from api.auth import AuthError, ScopeError
from api.limits import LimitError
from api.schema.pagination import CursorError
from graph.model import ModelError
from graph.store import NotFoundError, StoreError


class ErrorCode(StrEnum):
    NOT_FOUND = "NOT_FOUND"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    BAD_INPUT = "BAD_INPUT"
    STORE_UNAVAILABLE = "STORE_UNAVAILABLE"
    INTERNAL = "INTERNAL"
    GRAPHQL = "GRAPHQL"


def describe(error: BaseException) -> tuple[ErrorCode, str]:
    """The code and client-facing message of an exception raised while resolving."""
    match error:
        case NotFoundError():
            return ErrorCode.NOT_FOUND, f"not found: {error.args[0] if error.args else error}"
        case ScopeError():
            return ErrorCode.FORBIDDEN, f"forbidden: {error}"
        case AuthError():
            return ErrorCode.UNAUTHENTICATED, f"unauthenticated: {error}"
        case LimitError():
            return ErrorCode.LIMIT_EXCEEDED, str(error)
        case StoreError():
            return ErrorCode.STORE_UNAVAILABLE, f"the graph store failed: {error}"
        case CursorError() | ModelError():
            return ErrorCode.BAD_INPUT, str(error)
        case _:
            return ErrorCode.INTERNAL, "internal error (logged on the server)"


def format_error(error: GraphQLError) -> dict[str, Any]:
    """The JSON form of one error of a response, mapped as described above."""
    formatted: dict[str, Any] = dict(error.formatted)
    original = error.original_error
    if original is None or isinstance(original, GraphQLError):
        extensions = formatted.setdefault("extensions", {})
        extensions.setdefault("code", ErrorCode.GRAPHQL.value)
        return formatted
    code, message = describe(original)
    formatted["message"] = message
    formatted["extensions"] = {**(error.extensions or {}), "code": code.value}
    return formatted
