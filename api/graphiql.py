"""GraphiQL that works offline: strawberry's page, with its CDN URLs pointed at copies
of the same files served by the app.

``frontend/graphiql`` pins the exact npm versions the page loads (their files match
the page's ``integrity`` hashes, which are kept) and its ``npm run build`` copies them
to ``api/static/graphiql/<package>@<version>/<path>``, the layout of the CDN. This
module serves them at ``/graphiql-assets/`` and the rewritten page at ``/graphiql``;
``create_app`` also answers ``GET /graphql`` from a browser with :func:`graphiql_html`.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from strawberry.http.ides import get_graphql_ide_html

from api.settings import Settings

__all__ = [
    "ASSETS_PATH",
    "STATIC_DIR",
    "GraphiQLTemplateError",
    "asset_urls",
    "graphiql_html",
    "missing_assets",
    "rewrite_page",
    "routes",
]

#: Where the app serves the assets, and where the build puts them.
ASSETS_PATH = "/graphiql-assets"
STATIC_DIR = Path(__file__).resolve().parent / "static" / "graphiql"
CDN_PREFIX = "https://unpkg.com/"
_FETCH_URL = 'const fetchURL = window.location.href.split("?")[0];'
_HEADERS_STATE = "React.useState(parameters.headers)"
_CDN_URL = re.compile(r'(?:src|href)="(https://unpkg\.com/[^"]+)"')


class GraphiQLTemplateError(RuntimeError):
    """Strawberry's GraphiQL page no longer has the shape this module rewrites."""


def asset_urls(page: str) -> list[str]:
    """The script and stylesheet URLs of a page, in order.

    >>> asset_urls('<script src="https://unpkg.com/react@18.2.0/a.js"></script>')
    ['https://unpkg.com/react@18.2.0/a.js']
    """
    return _CDN_URL.findall(page)


def rewrite_page(template: str, graphql_path: str, assets_path: str, headers: str | None) -> str:
    """Point the CDN URLs of strawberry's page at ``assets_path``, its fetcher at
    ``graphql_path`` and, when given, pre-fill the headers editor with ``headers``.

    >>> page = rewrite_page(
    ...     '<script src="https://unpkg.com/js-cookie@3.0.5/x.js"></script>' + _FETCH_URL
    ...     + _HEADERS_STATE, "/graphql", "/graphiql-assets", None)
    >>> asset_urls(page), "/graphiql-assets/js-cookie@3.0.5/x.js" in page
    ([], True)
    >>> 'new URL("/graphql", window.location.href)' in page
    True
    >>> rewrite_page("<html></html>", "/graphql", "/a", None)
    Traceback (most recent call last):
    ...
    api.graphiql.GraphiQLTemplateError: GraphiQL template: 'https://unpkg.com/' not found
    """
    for needle in (CDN_PREFIX, _FETCH_URL, _HEADERS_STATE):
        if needle not in template:
            raise GraphiQLTemplateError(f"GraphiQL template: {needle!r} not found")
    page = template.replace(CDN_PREFIX, assets_path.rstrip("/") + "/")
    fetch_url = f"const fetchURL = new URL({json.dumps(graphql_path)}, window.location.href).href;"
    page = page.replace(_FETCH_URL, fetch_url)
    if headers is not None:
        page = page.replace(
            _HEADERS_STATE, f"React.useState(parameters.headers || {json.dumps(headers)})"
        )
    return page.replace("<title>Strawberry GraphiQL</title>", "<title>cablegraph GraphiQL</title>")


@functools.cache
def _template() -> str:
    return get_graphql_ide_html("graphiql")


def graphiql_html(settings: Settings, graphql_path: str = "/graphql") -> str:
    """The offline GraphiQL page of this server. When anonymous callers are refused,
    the headers editor starts with an ``Authorization`` header to fill in."""
    headers = None
    if settings.anonymous_clearance is None:
        headers = json.dumps({"Authorization": "Bearer <token>"}, indent=2)
    return rewrite_page(_template(), graphql_path, ASSETS_PATH, headers)


def missing_assets(static_dir: Path = STATIC_DIR) -> list[str]:
    """The page's assets not (yet) built into ``static_dir`` (empty when ready)."""
    paths = [url.removeprefix(CDN_PREFIX) for url in asset_urls(_template())]
    return [p for p in paths if not (static_dir / p).is_file()]


def routes(settings: Settings, graphql_path: str = "/graphql") -> list[BaseRoute]:
    """``GET /graphiql`` (the page) and ``/graphiql-assets/`` (its files)."""
    page = graphiql_html(settings, graphql_path)

    async def serve_page(request: Request) -> Response:
        missing = missing_assets()
        if missing:
            text = f"GraphiQL assets are not built ({missing[0]} ...): run scripts/setup"
            return Response(text, status_code=503, media_type="text/plain")
        return HTMLResponse(page)

    assets = StaticFiles(directory=STATIC_DIR, check_dir=False)
    return [
        Route("/graphiql", serve_page, methods=["GET"], name="graphiql"),
        Mount(ASSETS_PATH, app=assets, name="graphiql-assets"),
    ]
