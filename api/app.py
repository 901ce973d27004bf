"""The ASGI application: ``create_app(settings, store)``.

Routes: ``/graphql`` (strawberry; a browser's GET gives the offline GraphiQL of
:mod:`api.graphiql`, also at ``/graphiql``), ``/health`` (the store answers: 200, else
503), ``/explorer`` (the explorer's static build, when it has been built; ``/`` leads
there). The store is handed in already open and is closed when the application shuts
down. A request body over ``CABLEGRAPH_MAX_BODY_BYTES`` is refused (413) before any of
it is parsed (:mod:`api.body_limit`). Nothing is created at import time.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema import BaseSchema
from strawberry.types import ExecutionResult

from api.body_limit import BodyLimitMiddleware
from api.context import Context, build_context
from api.errors import format_error
from api.graphiql import graphiql_html
from api.graphiql import routes as graphiql_routes
from api.limits import build_extensions
from api.runtime import settle_heap
from api.schema.build import build_schema
from api.settings import Settings
from graph.store import Store, StoreError
from graph.stores import open_store, parse_store_uri

log = logging.getLogger(__name__)

#: Where ``npm run build`` of frontend/explorer writes the explorer.
EXPLORER_DIR = Path(__file__).resolve().parent / "static" / "explorer"

EXPLORER_MISSING = """<!doctype html><title>Explorer not built</title>
<h1>The explorer has not been built</h1>
<p>Build it once, then restart the server:</p>
<pre>cd frontend/explorer &amp;&amp; npm ci &amp;&amp; npm run build</pre>
<p>(it writes <code>api/static/explorer/</code>). The GraphQL API is at
<a href="/graphql">/graphql</a>.</p>"""


class GraphQLView(GraphQL[Context, None]):
    """strawberry's ASGI view, bound to one store: builds the per-request context,
    maps errors (:mod:`api.errors`) and encodes with orjson."""

    def __init__(self, schema: BaseSchema, store: Store, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql", keep_alive=False)
        self.store = store
        self.settings = settings
        self.ide_page = graphiql_html(settings)

    async def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL with its assets served by this app (works offline)."""
        return HTMLResponse(self.ide_page)

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        client = request.client.host if request.client else None
        context = build_context(self.store, self.settings, request.headers, client)
        if context.refusal is not None and isinstance(response, Response):
            response.status_code = 401
            response.headers["WWW-Authenticate"] = "Bearer"
        return context

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        data: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            data["errors"] = [format_error(error) for error in result.errors]
        if result.extensions:
            data["extensions"] = result.extensions
        return data

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)


def create_app(settings: Settings, store: Store, explorer_dir: Path = EXPLORER_DIR) -> Starlette:
    """The application serving ``store`` as configured by ``settings``."""
    schema = build_schema(build_extensions(settings))
    graphql = GraphQLView(schema, store=store, settings=settings)

    async def health(_: Request) -> Response:
        return check_health(store)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    async def home(_: Request) -> Response:
        return RedirectResponse("/explorer/")

    routes: list[BaseRoute] = [
        Route("/", home, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        *graphiql_routes(settings),
        explorer_route(explorer_dir),
    ]
    body_limit = Middleware(BodyLimitMiddleware, max_bytes=settings.limits.max_body_bytes)
    return Starlette(routes=routes, lifespan=lifespan, middleware=[body_limit])


def check_health(store: Store) -> JSONResponse:
    """200 ``{"status": "ok"}`` when the store answers, else 503 with the reason."""
    try:
        alive = store.ping()
        reason = "" if alive else "the store did not answer"
    except StoreError as error:
        alive, reason = False, str(error)
    if alive:
        return JSONResponse({"status": "ok"})
    log.warning("health check failed: %s", reason)
    return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)


def explorer_route(explorer_dir: Path) -> BaseRoute:
    """The explorer's static files, or a page saying how to build them."""
    if (explorer_dir / "index.html").is_file():
        return Mount("/explorer", app=StaticFiles(directory=explorer_dir, html=True))

    async def missing(_: Request) -> Response:
        return HTMLResponse(EXPLORER_MISSING, status_code=404)

    return Route("/explorer{rest:path}", missing, methods=["GET"])


def app_from_env() -> Starlette:
    """The application as ``cablegraph serve`` runs it in each uvicorn worker:
    settings from the environment, the store from ``CABLEGRAPH_STORE``; the worker's
    heap is settled once built (:func:`api.runtime.settle_heap`)."""
    settings = Settings.from_env()
    store = open_store(parse_store_uri(settings.store_uri))
    app = create_app(settings, store)
    settle_heap()
    return app
