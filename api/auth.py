"""Who is calling: bearer tokens, the anonymous policy, and scope checks.

Tokens are compared in constant time (``hmac.compare_digest`` on SHA-256 digests,
against every configured token, so the time does not depend on which one matched)
and never appear in a message, a repr or a log line.

>>> from api.settings import Settings
>>> settings = Settings.for_tests({"ana": ("analyst-token", "SECRET", "read")})
>>> authenticate({"authorization": "Bearer analyst-token"}, "127.0.0.1", settings).name
'ana'
>>> authenticate({"Authorization": "Bearer wrong-token"}, "127.0.0.1", settings)
Traceback (most recent call last):
...
api.auth.AuthError: invalid token
>>> authenticate({}, "127.0.0.1", settings).name
'anonymous'
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass

from api.settings import Settings, is_loopback
from api.tokens import Scope, TokenEntry, digest_token
from graph.model import Clearance

__all__ = ["ANONYMOUS", "AuthError", "Principal", "ScopeError", "authenticate", "require_scope"]

#: Name of the principal of requests without a token.
ANONYMOUS = "anonymous"

#: Client names (not addresses) of in-process test clients, treated as loopback.
LOCAL_CLIENT_NAMES: frozenset[str] = frozenset({"testclient"})


class AuthError(PermissionError):
    """The request is not authenticated (bad or missing token): HTTP 401 material."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ScopeError(AuthError):
    """The caller is known but lacks a scope: HTTP 403 material."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller of one request: a token's name (or ``anonymous``), what it may see
    (its clearance, passed to every store read) and what it may do (its scopes)."""

    name: str
    clearance: Clearance
    scopes: frozenset[Scope]

    @property
    def is_anonymous(self) -> bool:
        return self.name == ANONYMOUS


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (any header case).

    >>> bearer_token({"authorization": "bearer abc"})
    'abc'
    >>> bearer_token({}) is None
    True
    >>> bearer_token({"Authorization": "Basic Zm9vOmJhcg=="})
    Traceback (most recent call last):
    ...
    api.auth.AuthError: Authorization header must be 'Bearer <token>'
    """
    value = headers.get("authorization")
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
    if value is None or not value.strip():
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("Authorization header must be 'Bearer <token>'")
    return token.strip()


def match_token(token: str, entries: tuple[TokenEntry, ...]) -> TokenEntry | None:
    """The entry whose token this is; every entry is compared, in constant time each."""
    digest = digest_token(token)
    found: TokenEntry | None = None
    for entry in entries:
        if hmac.compare_digest(digest, entry.digest):
            found = entry
    return found


def anonymous_principal(client_host: str | None, settings: Settings) -> Principal:
    """The principal of a request without a token, per the anonymous policy.

    Under ``auto``, a request whose client address is known and not loopback (a
    reverse proxy forwarding outside traffic to a loopback-bound server) is refused.
    """
    clearance = settings.anonymous_clearance
    if clearance is None:
        raise AuthError("a bearer token is required (anonymous access is off on this server)")
    auto = settings.anonymous.mode == "auto"
    if auto and client_host is not None and not is_local_client(client_host):
        raise AuthError(f"a bearer token is required for non-loopback client {client_host}")
    return Principal(ANONYMOUS, clearance, frozenset({"read"}))


def is_local_client(client_host: str) -> bool:
    """True for a loopback client address or an in-process test client.

    >>> [is_local_client(h) for h in ("127.0.0.1", "testclient", "192.0.2.7")]
    [True, True, False]
    """
    return client_host in LOCAL_CLIENT_NAMES or is_loopback(client_host)


def authenticate(
    headers: Mapping[str, str], client_host: str | None, settings: Settings
) -> Principal:
    """The caller of a request, from its headers and client address.

    A known bearer token gives that token's principal; an unknown one raises
    ``AuthError("invalid token")``; no token falls back to the anonymous policy
    (scope ``read``), or raises :class:`AuthError` when anonymous access is off.
    """
    token = bearer_token(headers)
    if token is None:
        return anonymous_principal(client_host, settings)
    entry = match_token(token, settings.tokens)
    if entry is None:
        raise AuthError("invalid token")
    return Principal(entry.name, entry.clearance, entry.scopes)


def require_scope(principal: Principal, scope: Scope) -> None:
    """Raise :class:`ScopeError` unless ``principal`` has ``scope``.

    >>> from graph.model import Level
    >>> reader = Principal("ana", Clearance(Level.SECRET), frozenset({"read"}))
    >>> require_scope(reader, "read")
    >>> require_scope(reader, "write")
    Traceback (most recent call last):
    ...
    api.auth.ScopeError: 'ana' lacks scope 'write'
    """
    if scope not in principal.scopes:
        raise ScopeError(f"{principal.name!r} lacks scope {scope!r}")
