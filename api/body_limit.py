"""A cap on the size of a request body, before anything reads or parses it.

strawberry reads a whole POST body into memory and decodes it before any GraphQL
limit applies, so a body of a few hundred megabytes (an ``ingest`` of a whole dump in
one request, or plain abuse) would cost that much memory in a worker. This ASGI
middleware refuses it first: a declared ``Content-Length`` over the cap is answered
with 413 at once, without reading; a streamed (chunked) body is counted as it arrives
and refused as soon as it passes the cap, before the app reads any of it. The answer
is a GraphQL-shaped JSON error naming the limit and its value.

>>> limit_message(40_000_000, 32 * 2**20)
'request body of 40000000 bytes is over CABLEGRAPH_MAX_BODY_BYTES=33554432'
"""

from __future__ import annotations

from typing import Final

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The environment key of the cap (see :mod:`api.settings`).
BODY_LIMIT_KEY: Final = "CABLEGRAPH_MAX_BODY_BYTES"


def limit_message(size: int, limit: int, *, streamed: bool = False) -> str:
    """What the client is told: the size seen, the limit's key and its value."""
    seen = f"over {size} bytes" if streamed else f"{size} bytes"
    return f"request body of {seen} is over {BODY_LIMIT_KEY}={limit}"


def declared_length(scope: Scope) -> int | None:
    """The ``Content-Length`` of a request, None when absent or not a number.

    >>> declared_length({"headers": [(b"content-length", b"12")]})
    12
    >>> declared_length({"headers": [(b"content-length", b"x")]}) is None
    True
    """
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


async def send_refusal(send: Send, message: str) -> None:
    """A 413 response with one GraphQL error (code ``LIMIT_EXCEEDED``)."""
    body = orjson.dumps(
        {"data": None, "errors": [{"message": message, "extensions": {"code": "LIMIT_EXCEEDED"}}]}
    )
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimitMiddleware:
    """Refuse HTTP requests whose body is larger than ``max_bytes`` (413)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await send_refusal(send, limit_message(declared, self.max_bytes))
            return
        await self.call_counting(scope, receive, send)

    async def call_counting(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A body of unknown length (chunked) is read here first, counting as it comes,
        and refused past the cap before the app sees any of it; else replayed to it."""
        messages: list[Message] = []
        received = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                await send_refusal(
                    send, limit_message(self.max_bytes, self.max_bytes, streamed=True)
                )
                return
            if not message.get("more_body", False):
                break
        messages.reverse()

        async def replay() -> Message:
            return messages.pop() if messages else await receive()

        await self.app(scope, replay, send)
