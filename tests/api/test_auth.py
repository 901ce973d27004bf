"""api.auth: bearer tokens, the anonymous policy, scopes — and the access-control matrix
callers other API tests reuse (``from tests.api.test_auth import CALLERS, matrix_settings``).
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from typing import Any

import pytest

from api.auth import AuthError, Principal, ScopeError, authenticate, require_scope
from api.settings import Settings
from graph.model import FULL_CLEARANCE, Clearance, Level


@dataclass(frozen=True, slots=True)
class Caller:
    """One row of the access-control matrix: who calls, with which token, what they may
    see (None: refused outright) and whether they may write."""

    name: str
    token: str | None
    clearance: Clearance | None
    can_write: bool

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def can_see(self, level: int, level_rel: int) -> bool:
        """Whether this caller may see a node with these visibility values."""
        return self.clearance is not None and self.clearance.can_see(level, level_rel)


#: The matrix: anonymous (UNCLASSIFIED by policy), an UNCLASSIFIED reader, a SECRET reader
#: without NOFORN, and a writer cleared for everything.
CALLERS: tuple[Caller, ...] = (
    Caller("anonymous", None, Clearance(Level.UNCLASSIFIED), can_write=False),
    Caller("unclassified", "unclassified-token-0001", Clearance(Level.UNCLASSIFIED), False),
    Caller("secret", "secret-token-0002", Clearance(Level.SECRET), can_write=False),
    Caller("writer", "writer-token-0003", FULL_CLEARANCE, can_write=True),
)
CALLER_IDS = [c.name for c in CALLERS]


def matrix_settings(anonymous: str = "UNCLASSIFIED", **limits: Any) -> Settings:
    """Settings with the matrix's tokens; anonymous callers get ``anonymous``."""
    tokens = {
        "unclassified": ("unclassified-token-0001", "UNCLASSIFIED", "read"),
        "secret": ("secret-token-0002", "SECRET", "read"),
        "writer": ("writer-token-0003", "SECRET:noforn", "read+write"),
    }
    return Settings.for_tests(tokens, anonymous=anonymous, **limits)


@pytest.mark.parametrize("caller", CALLERS, ids=CALLER_IDS)
def test_matrix_callers_authenticate_as_declared(caller: Caller) -> None:
    principal = authenticate(caller.headers, "127.0.0.1", matrix_settings())
    assert principal.name == caller.name
    assert principal.clearance == caller.clearance
    assert ("write" in principal.scopes) is caller.can_write
    assert "read" in principal.scopes


def test_unknown_token_is_refused_without_repeating_it(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(AuthError, match=r"^invalid token$") as caught:
        authenticate({"authorization": "Bearer guessed-token-42"}, "127.0.0.1", matrix_settings())
    assert "guessed-token-42" not in repr(caught.value)
    assert "guessed-token-42" not in caplog.text


@pytest.mark.parametrize(
    "value", ["Basic dXNlcjpwYXNz", "Bearer", "Bearer    ", "Token secret-token-0002"]
)
def test_malformed_authorization_header(value: str) -> None:
    with pytest.raises(AuthError, match="Bearer <token>") as caught:
        authenticate({"Authorization": value}, "127.0.0.1", matrix_settings())
    assert "secret-token-0002" not in str(caught.value)


def test_header_name_and_scheme_are_case_insensitive() -> None:
    headers = {"AUTHORIZATION": "bearer secret-token-0002"}
    assert authenticate(headers, None, matrix_settings()).name == "secret"


def test_every_token_is_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    compare = hmac.compare_digest

    def counting(a: bytes, b: bytes) -> bool:
        calls.append(1)
        return compare(a, b)

    monkeypatch.setattr(hmac, "compare_digest", counting)
    settings = matrix_settings()
    authenticate({"authorization": "Bearer unclassified-token-0001"}, None, settings)
    assert len(calls) == len(settings.tokens)


def anonymous(host: str, policy: str, client: str | None) -> Principal:
    settings = Settings.for_tests({}, anonymous=policy, host=host)
    return authenticate({}, client, settings)


@pytest.mark.parametrize("client", ["127.0.0.1", "::1", "testclient", None])
def test_auto_gives_full_read_to_local_callers_of_a_loopback_server(client: str | None) -> None:
    principal = anonymous("127.0.0.1", "auto", client)
    assert principal == Principal("anonymous", FULL_CLEARANCE, frozenset({"read"}))
    assert principal.is_anonymous


def test_auto_refuses_a_forwarded_outside_client() -> None:
    with pytest.raises(AuthError, match=r"non-loopback client 203\.0\.113\.9"):
        anonymous("127.0.0.1", "auto", "203.0.113.9")


@pytest.mark.parametrize("client", ["127.0.0.1", "198.51.100.4"])
def test_auto_refuses_anonymous_on_a_public_bind(client: str) -> None:
    with pytest.raises(AuthError, match="bearer token is required"):
        anonymous("0.0.0.0", "auto", client)


def test_none_refuses_anonymous_even_on_loopback() -> None:
    with pytest.raises(AuthError, match="anonymous access is off"):
        anonymous("127.0.0.1", "none", "127.0.0.1")


def test_explicit_anonymous_clearance_applies_everywhere() -> None:
    principal = anonymous("0.0.0.0", "UNCLASSIFIED", "198.51.100.4")
    assert principal.clearance == Clearance(Level.UNCLASSIFIED)
    assert principal.scopes == frozenset({"read"})


def test_a_token_still_works_when_anonymous_is_off() -> None:
    settings = matrix_settings(anonymous="none")
    principal = authenticate({"Authorization": "Bearer writer-token-0003"}, "192.0.2.1", settings)
    assert principal.name == "writer"
    require_scope(principal, "write")


@pytest.mark.parametrize("caller", CALLERS, ids=CALLER_IDS)
def test_write_scope_matrix(caller: Caller) -> None:
    principal = authenticate(caller.headers, "127.0.0.1", matrix_settings())
    if caller.can_write:
        require_scope(principal, "write")
    else:
        with pytest.raises(ScopeError, match=f"'{caller.name}' lacks scope 'write'"):
            require_scope(principal, "write")


def test_principal_repr_has_no_token() -> None:
    principal = authenticate({"Authorization": "Bearer writer-token-0003"}, None, matrix_settings())
    assert "writer-token-0003" not in repr(principal)
