"""Fixtures of the explorer's browser tests: the app over the corpus store on loopback,
and a Chromium page that may reach 127.0.0.1 only and must log no console errors."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from api.app import EXPLORER_DIR, create_app
from api.settings import Settings
from graph.sqlite_store import SQLiteStore
from tests.browser import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, serve

#: A token with UNCLASSIFIED clearance (the seed cable is CONFIDENTIAL).
UNCLASSIFIED_TOKEN = "explorer-test-unclassified-token"
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def explorer_url(corpus_db: Path) -> Iterator[str]:
    """The app over the corpus store (anonymous full read on loopback, one
    UNCLASSIFIED token), serving the built explorer."""
    if not (EXPLORER_DIR / "index.html").is_file():
        pytest.fail("the explorer is not built: run scripts/setup (npm ci + npm run build)")
    settings = Settings.for_tests({"analyst": (UNCLASSIFIED_TOKEN, "UNCLASSIFIED", "read")})
    running = serve(create_app(settings, SQLiteStore.open(str(corpus_db))))
    yield f"{running.url}/explorer/"
    running.server.should_exit = True
    running.thread.join(timeout=10)


@dataclass
class Watch:
    """What the page tried and said: outside requests (blocked), console errors, and
    the Authorization headers sent to /graphql."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    auth_headers: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class ExplorerPage:
    """A page of the explorer and what it did."""

    page: Any
    watch: Watch
    url: str


@pytest.fixture
def explorer(browser: Any, explorer_url: str) -> Iterator[ExplorerPage]:
    """A fresh browser context on the explorer; fails the test when a request tried to
    leave 127.0.0.1 or the console showed an error."""
    from playwright.sync_api import Route

    watch = Watch()

    def guard(route: Route) -> None:
        request = route.request
        if urlsplit(request.url).hostname in LOCAL_HOSTS:
            if request.url.endswith("/graphql"):
                watch.auth_headers.append(request.headers.get("authorization", ""))
            route.continue_()
        else:
            watch.blocked.append(request.url)
            route.abort()

    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.route("**/*", guard)
    page = context.new_page()

    def on_console(message: Any) -> None:
        if message.type == "error":
            watch.errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("websocket", lambda ws: watch.blocked.append(ws.url))
    try:
        yield ExplorerPage(page, watch, explorer_url)
    finally:
        context.close()
    assert watch.blocked == [], f"requests left 127.0.0.1: {watch.blocked}"
    assert watch.errors == [], f"console errors: {watch.errors}"
