"""api.graphiql: the local assets are the very files strawberry's page names by integrity
hash, and the rewritten page loads nothing from outside the app."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from strawberry.http.ides import get_graphql_ide_html

from api.graphiql import (
    ASSETS_PATH,
    CDN_PREFIX,
    STATIC_DIR,
    asset_urls,
    graphiql_html,
    missing_assets,
    routes,
)
from api.settings import Settings
from tests.api.graphql_client import GraphQLClient

TEMPLATE = get_graphql_ide_html("graphiql")
_TAG = re.compile(r'(?:src|href)="(?P<url>[^"]+)"\s+integrity="(?P<integrity>sha384-[^"]+)"')


def integrity_of(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def pinned_assets() -> list[tuple[str, str]]:
    """(url, integrity) of every script and stylesheet of strawberry's page."""
    found = [(m["url"], m["integrity"]) for m in _TAG.finditer(TEMPLATE)]
    assert len(found) == 7, found
    return found


def test_template_loads_exactly_the_pinned_versions() -> None:
    urls = " ".join(url for url, _ in pinned_assets())
    for package in (
        "graphiql@3.8.3",
        "react@18.2.0",
        "react-dom@18.2.0",
        "js-cookie@3.0.5",
        "@graphiql/plugin-explorer@1.0.2",
    ):
        assert f"{CDN_PREFIX}{package}/" in urls


@pytest.mark.parametrize(("url", "integrity"), pinned_assets())
def test_local_asset_matches_the_integrity_hash(url: str, integrity: str) -> None:
    local = STATIC_DIR / url.removeprefix(CDN_PREFIX)
    assert local.is_file(), (
        f"{local} missing: run scripts/setup (npm run build in frontend/graphiql)"
    )
    assert integrity_of(local) == integrity


def test_page_points_every_asset_at_the_app_and_keeps_the_hashes() -> None:
    page = graphiql_html(Settings())
    assert "unpkg.com" not in page and "jsdelivr" not in page
    assert asset_urls(page) == []
    for url, integrity in pinned_assets():
        local = ASSETS_PATH + "/" + url.removeprefix(CDN_PREFIX)
        assert f'"{local}"\n      integrity="{integrity}"' in page
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    assert external == []
    assert missing_assets() == []


def test_page_prefills_a_bearer_header_only_when_anonymous_is_refused() -> None:
    assert "Bearer <token>" not in graphiql_html(Settings())
    assert "Bearer <token>" in graphiql_html(Settings.for_tests(anonymous="none"))


def fetch(app: Starlette, path: str) -> httpx.Response:
    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path)

    return asyncio.run(get())


def test_routes_serve_the_page_and_the_files() -> None:
    app = Starlette(routes=routes(Settings()))
    page = fetch(app, "/graphiql")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'new URL("/graphql", window.location.href)' in page.text
    for url, integrity in pinned_assets():
        asset = fetch(app, ASSETS_PATH + "/" + url.removeprefix(CDN_PREFIX))
        assert asset.status_code == 200, url
        digest = base64.b64encode(hashlib.sha384(asset.content).digest()).decode()
        assert f"sha384-{digest}" == integrity
    assert fetch(app, ASSETS_PATH + "/graphiql@3.8.3/nothing.js").status_code == 404


def test_a_browser_at_graphql_gets_the_offline_page(client: GraphQLClient) -> None:
    page = client.http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.text == graphiql_html(Settings())
    also = client.http.get("/graphiql")
    assert also.status_code == 200 and also.text == page.text
