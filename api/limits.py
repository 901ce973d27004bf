"""Per-request limits, and the strawberry extensions that enforce them.

Every rejection is a :class:`LimitError` (or, for the document checks strawberry does
itself, a GraphQL error) whose message names the limit and its value, e.g.
``first: 1000000 is over the limit first ≤ 500``. Checks run before execution:

- query depth and aliases: strawberry's depth and alias validators (introspection
  fields are not counted, so GraphiQL works);
- tokens: strawberry's ``MaxTokensLimiter`` (graphql-core stops parsing);
- arguments and complexity: :class:`ArgumentLimiter` walks the operation with the
  variables (:mod:`api.complexity`) — ``first`` at most the page size, ``limit`` at most
  the result-node cap, ``depth``/``maxDepth``/``maxLength`` at most the traversal depth,
  list arguments (``ids``, ``documents``) at most the page size long, and the
  estimated cost within the budget;
- time: :class:`RequestTimeout` cancels execution after ``request_timeout`` seconds
  (at the resolvers' next await).

Resolvers call :func:`clamp_first` and :func:`check_traversal` too, so a limit holds
even for a code path that bypasses the extensions.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TypeAlias

from graphql import ASTValidationRule, GraphQLError
from graphql import ExecutionResult as GraphQLExecutionResult
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator

from api.complexity import Limit, LimitError, argument_limits, check_operation
from api.cost_cache import CheckCache, Missing, check_key
from api.settings import Settings

__all__ = [
    "ArgumentLimiter",
    "ExtensionFactory",
    "LabelLimitErrors",
    "LimitError",
    "RequestTimeout",
    "build_extensions",
    "check_traversal",
    "clamp_first",
]

ExtensionFactory: TypeAlias = Callable[[], SchemaExtension]

#: Entries of the shared parse and validation caches.
CACHE_SIZE = 256
#: Entries of the shared cache of argument and cost checks (see :mod:`api.cost_cache`).
CHECK_CACHE_SIZE = 1024


def clamp_first(first: int | None, settings: Settings, argument: str = "first") -> int:
    """A page size within the limit: ``None`` gives the largest page; a value over the
    limit is rejected (not silently cut), naming the limit.

    >>> from api.settings import Settings
    >>> clamp_first(20, Settings())
    20
    >>> clamp_first(None, Settings())
    500
    >>> clamp_first(1_000_000, Settings())
    Traceback (most recent call last):
    ...
    api.complexity.LimitError: first: 1000000 is over the limit first ≤ 500
    """
    maximum = settings.limits.max_page_size
    if first is None:
        return maximum
    Limit(argument, 0, maximum).check(first)
    return first


def check_traversal(
    depth: int, limit: int, settings: Settings, depth_arg: str = "depth", limit_arg: str = "limit"
) -> None:
    """Reject a traversal deeper than ``max_traversal_depth`` or asking for more nodes
    than ``max_result_nodes``.

    >>> from api.settings import Settings
    >>> check_traversal(3, 200, Settings())
    >>> check_traversal(50, 200, Settings(), depth_arg="maxDepth")
    Traceback (most recent call last):
    ...
    api.complexity.LimitError: maxDepth: 50 is over the limit maxDepth ≤ 10
    """
    limits = settings.limits
    Limit(depth_arg, 0, limits.max_traversal_depth).check(depth)
    Limit(limit_arg, 1, limits.max_result_nodes).check(limit)


class ArgumentLimiter(SchemaExtension):
    """Before execution: every limited argument within its limit, and the estimated
    cost of the operation within the complexity budget. Outcomes are shared through
    ``cache`` (:mod:`api.cost_cache`): a repeated query with the same variables is not
    walked again."""

    def __init__(self, settings: Settings, cache: CheckCache | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.cache = cache

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.result is None:
            error = self.check()
            if error is not None:
                context.result = GraphQLExecutionResult(None, [to_graphql_error(error)])
        yield

    def check(self) -> LimitError | None:
        """The rejection of this operation (None: within every limit), cached."""
        context = self.execution_context
        variables = context.variables or {}
        key = check_key(context.query, context.operation_name, variables)
        if key is not None and self.cache is not None:
            cached = self.cache.get(key)
            if not isinstance(cached, Missing):
                return cached
        error = self.walk(variables)
        if key is not None and self.cache is not None:
            self.cache.put(key, error)
        return error

    def walk(self, variables: dict[str, object]) -> LimitError | None:
        """Walk the operation: its rejection, or None."""
        context, limits = self.execution_context, self.settings.limits
        assert context.graphql_document is not None
        try:
            check_operation(
                context.schema._schema,
                context.graphql_document,
                context.operation_name,
                variables,
                argument_limits(limits),
                limits.complexity_budget,
                limits.max_page_size,
            )
        except LimitError as error:
            return error
        return None


class RequestTimeout(SchemaExtension):
    """Cancel execution after ``request_timeout`` seconds with a :class:`LimitError`.

    Cancellation lands at the next ``await`` of the running resolvers (DataLoaders,
    store calls run in threads); a resolver that never awaits cannot be cut short.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.seconds = settings.limits.request_timeout

    async def on_execute(self) -> AsyncIterator[None]:
        try:
            async with asyncio.timeout(self.seconds):
                yield
        except TimeoutError:
            message = f"request timed out: over the limit request_timeout = {self.seconds} s"
            raise LimitError("request_timeout", self.seconds, None, message) from None


#: strawberry's / graphql-core's messages of the document limits -> the limit's name.
_DOCUMENT_LIMITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"exceeds maximum operation depth of (?P<max>\d+)$"), "max_depth"),
    (re.compile(r"^(?P<value>\d+) aliases found\. Allowed: (?P<max>\d+)$"), "max_aliases"),
    (re.compile(r"Document contains more than (?P<max>\d+) tokens"), "max_tokens"),
)


def label_limit_error(error: GraphQLError) -> None:
    """Mark a depth, alias or token rejection as a :class:`LimitError` (message kept),
    so it is reported with code ``LIMIT_EXCEEDED`` like the other limits.

    >>> error = GraphQLError("'Deep' exceeds maximum operation depth of 12")
    >>> label_limit_error(error)
    >>> error.extensions
    {'code': 'LIMIT_EXCEEDED', 'limit': 'max_depth', 'max': 12, 'value': None}
    """
    for pattern, limit in _DOCUMENT_LIMITS:
        found = pattern.search(error.message)
        if found and not isinstance(error.original_error, LimitError):
            value = found.groupdict().get("value")
            cause = LimitError(limit, int(found["max"]), value and int(value), error.message)
            error.original_error = cause
            error.extensions = cause.extensions
            return


class LabelLimitErrors(SchemaExtension):
    """Label the document-limit errors of parsing and validation (see
    :func:`label_limit_error`)."""

    def label(self) -> None:
        for error in self.execution_context.pre_execution_errors or ():
            label_limit_error(error)

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as error:  # a parse error raised through the parser cache
            label_limit_error(error)
            raise
        self.label()


def to_graphql_error(error: LimitError) -> GraphQLError:
    """The GraphQL error of a rejection, with the limit in its extensions.

    >>> to_graphql_error(LimitError("first", 500, 1000)).extensions
    {'code': 'LIMIT_EXCEEDED', 'limit': 'first', 'max': 500, 'value': 1000}
    """
    return GraphQLError(str(error), original_error=error, extensions=error.extensions)


def build_extensions(settings: Settings) -> list[ExtensionFactory]:
    """The schema's extension factories (one fresh instance per request), in order:
    limit-error labels, token limit, parse cache, depth and alias rules, validation
    cache, argument and complexity checks, request timeout.

    >>> from api.settings import Settings
    >>> [type(make()).__name__ for make in build_extensions(Settings())][:4]
    ['LabelLimitErrors', 'MaxTokensLimiter', 'ParserCache', 'AddValidationRules']
    >>> [type(make()).__name__ for make in build_extensions(Settings())][4:]
    ['ValidationCache', 'ArgumentLimiter', 'RequestTimeout']
    """
    limits = settings.limits
    checks = CheckCache(CHECK_CACHE_SIZE)
    # The rule classes are made once: the validation cache is keyed by them.
    rules: list[type[ASTValidationRule]] = [
        depth_validator(limits.max_depth, None, None),
        alias_validator(limits.max_aliases),
    ]

    def make_labels() -> SchemaExtension:
        return LabelLimitErrors()

    def make_tokens() -> SchemaExtension:
        return MaxTokensLimiter(limits.max_tokens)

    def make_parser_cache() -> SchemaExtension:
        return ParserCache(maxsize=CACHE_SIZE)

    def make_rules() -> SchemaExtension:
        return AddValidationRules(rules)

    def make_validation_cache() -> SchemaExtension:
        return ValidationCache(maxsize=CACHE_SIZE)

    def make_arguments() -> SchemaExtension:
        return ArgumentLimiter(settings, checks)

    def make_timeout() -> SchemaExtension:
        return RequestTimeout(settings)

    return [
        make_labels,
        make_tokens,
        make_parser_cache,
        make_rules,
        make_validation_cache,
        make_arguments,
        make_timeout,
    ]
