"""`cablegraph serve`: the real server under uvicorn, over loopback HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from cablegraph.cli import main; main()", "serve", *args]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_health(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            return httpx.get(f"{url}/health", timeout=1)
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("server did not answer in 30 s")


@pytest.fixture
def server(corpus_db: Path) -> Iterator[str]:
    port = free_port()
    process = start(["--store", str(corpus_db), "--port", str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_health(url, process).json() == {"status": "ok"}
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_answers_graphql_and_health(server: str) -> None:
    query = '{ cable(id: "08STATE68633") { id origin { id } } }'
    response = httpx.post(f"{server}/graphql", json={"query": query}, timeout=10)
    data = response.json()["data"]
    assert data == {"cable": {"id": "cable:08STATE68633", "origin": {"id": "post:STATE"}}}
    assert httpx.get(f"{server}/graphiql", timeout=10).status_code in (200, 503)


def test_serve_with_two_workers(corpus_db: Path) -> None:
    port = free_port()
    process = start(["--store", str(corpus_db), "--port", str(port), "--workers", "2"])
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_health(url, process).status_code == 200
        query = "{ stats { visibleCables } }"
        counts = {httpx.post(f"{url}/graphql", json={"query": query}).json()["data"]["stats"]
                  ["visibleCables"] for _ in range(6)}  # fmt: skip
        assert len(counts) == 1 and counts.pop() > 600
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_rejects_a_bad_setting_naming_it() -> None:
    process = start(["--port", "1"], env={"CABLEGRAPH_MAX_DEPTH": "deep"})
    _, err = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "CABLEGRAPH_MAX_DEPTH" in err and "deep" in err and "Traceback" not in err
