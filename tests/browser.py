"""What the browser tests share: Debian's Chromium and how to launch it here, the hosts a
page may reach, and the app served by uvicorn on a free loopback port in a thread."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass
from typing import Any

import uvicorn

CHROMIUM = shutil.which("chromium")
#: Without the background-networking flags Chromium keeps calling out to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})


@dataclass
class Served:
    url: str
    server: uvicorn.Server
    thread: threading.Thread


def serve(app: Any) -> Served:
    """Run ``app`` under uvicorn on a free loopback port, in a thread."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, ws="none", log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return Served(f"http://127.0.0.1:{port}", server, thread)
