"""The per-request context: the store, who is asking, and fresh DataLoaders.

Built by :func:`build_context` for every request (strawberry's ``get_context``); the
caller is authenticated there, but a refusal is only raised when the operation runs,
so the GraphiQL page still loads and the refusal is a GraphQL error like any other.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import anyio.to_thread
from strawberry.extensions import SchemaExtension
from strawberry.types import Info
from strawberry.types.graphql import OperationType

from api.auth import AuthError, Principal, authenticate, require_scope
from api.schema.batching import Loaders, make_loaders
from api.settings import Settings
from graph.model import Clearance
from graph.store import Store

T = TypeVar("T")

READ = "read"
WRITE = "write"


@dataclass(frozen=True, slots=True)
class Context:
    """What every resolver sees as ``info.context``."""

    store: Store
    settings: Settings
    principal: Principal | None
    refusal: AuthError | None = None
    batch: Loaders | None = None

    def require(self, scope: str) -> Principal:
        """The caller, if it holds ``scope``; :class:`AuthError` naming why not otherwise."""
        if self.principal is None:
            raise self.refusal or AuthError("this request carries no credentials")
        require_scope(self.principal, scope)
        return self.principal

    @property
    def clearance(self) -> Clearance:
        """The clearance every store read of this request runs with (needs ``read``)."""
        return self.require(READ).clearance

    @property
    def loaders(self) -> Loaders:
        """The request's DataLoaders (needs ``read``)."""
        self.require(READ)
        assert self.batch is not None, "a principal always comes with loaders"
        return self.batch


GraphInfo = Info[Context, None]


async def in_thread(call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a store call that may be long (a traversal, a full-text page, a write) in a
    worker thread: the event loop keeps serving other requests, and the per-request
    timeout can give up on it. Point lookups (the DataLoaders) stay on the loop."""
    return await anyio.to_thread.run_sync(functools.partial(call, *args, **kwargs))


def build_context(
    store: Store, settings: Settings, headers: Mapping[str, str], client_host: str | None
) -> Context:
    """Authenticate the request and give it its own loaders."""
    try:
        principal = authenticate(headers, client_host, settings)
    except AuthError as refusal:
        return Context(store=store, settings=settings, principal=None, refusal=refusal)
    loaders = make_loaders(store, principal.clearance)
    return Context(store=store, settings=settings, principal=principal, batch=loaders)


class AuthorizeOperation(SchemaExtension):
    """Refuse an operation the caller's scopes do not cover: queries need ``read``,
    mutations ``write``."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context):
            operation = self.execution_context.operation_type
            context.require(WRITE if operation is OperationType.MUTATION else READ)
        yield
