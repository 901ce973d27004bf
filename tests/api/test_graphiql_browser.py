"""GraphiQL in a real headless Chromium with every non-loopback request blocked: the page
loads from the app alone, runs a query against the corpus and shows the result."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Route, sync_playwright

from api.app import create_app
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from tests.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, Served, serve

pytestmark = pytest.mark.browser

QUERY = '{ cable(id: "08STATE68633") { id subject } }'
EXPECTED = '"id": "cable:08STATE68633"'


@pytest.fixture(scope="module")
def served(corpus_db: Path) -> Iterator[Served]:
    running = serve(create_app(Settings(), SQLiteStore.open(str(corpus_db))))
    yield running
    running.server.should_exit = True
    running.thread.join(timeout=10)


@dataclass
class Watch:
    """What the page tried and said: blocked outside requests, errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_graphiql_runs_a_query_with_the_network_cut_off(
    served: Served, artifacts_dir: Path
) -> None:
    watch = Watch()

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            watch.local.append(url)
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", guard)
            page = context.new_page()
            page.on("console", watch.on_console)
            page.on("pageerror", lambda e: watch.errors.append(str(e)))
            page.on("websocket", lambda ws: watch.blocked.append(ws.url))
            # what a browser gets at the API's own address
            page.goto(f"{served.url}/graphql", wait_until="networkidle")
            page.wait_for_selector(".graphiql-query-editor", timeout=20_000)
            editor = page.locator(".graphiql-query-editor .CodeMirror").first
            editor.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            page.keyboard.insert_text(QUERY)
            page.locator(".graphiql-execute-button").click()
            response = page.locator(".graphiql-response")
            response.get_by_text('"data"', exact=False).first.wait_for(timeout=20_000)
            text = response.inner_text()
            page.screenshot(path=str(artifacts_dir / "graphiql.png"))
        finally:
            browser.close()

    assert watch.blocked == [], f"tried to leave loopback: {watch.blocked}"
    assert watch.errors == []
    assert EXPECTED in text
    assert any("/graphiql-assets/graphiql@3.8.3/graphiql.min.js" in u for u in watch.local)
    # the schema's introspection, then the query
    assert sum(u.endswith("/graphql") for u in watch.local) >= 2
