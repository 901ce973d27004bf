"""Settings of the API server, read once from the environment into a frozen object.

Keys (all optional):

=============================  ==================================================  ==============
key                            meaning                                             default
=============================  ==================================================  ==============
CABLEGRAPH_HOST                address to bind                                     127.0.0.1
CABLEGRAPH_PORT                port (0: any free port)                             8000
CABLEGRAPH_STORE               store URI (a file path, ``sqlite:``, ``neo4j://``)  cablegraph.db
CABLEGRAPH_TOKENS              inline tokens, see :mod:`api.tokens`                none
CABLEGRAPH_TOKENS_FILE         TOML tokens file, see :mod:`api.tokens`             none
CABLEGRAPH_ANONYMOUS           ``auto`` | ``none`` | a clearance (``SECRET:noforn``) auto
CABLEGRAPH_MAX_DEPTH           query depth                                         12
CABLEGRAPH_MAX_TOKENS          tokens in a query document                          4000
CABLEGRAPH_MAX_ALIASES         aliases in a query document                         30
CABLEGRAPH_MAX_PAGE_SIZE       ``first`` / ``limit`` of a list (at most 500)       500
CABLEGRAPH_MAX_TRAVERSAL_DEPTH ``depth`` / ``maxDepth`` / ``maxLength``            10
CABLEGRAPH_MAX_RESULT_NODES    nodes in a subgraph answer                          5000
CABLEGRAPH_COMPLEXITY_BUDGET   estimated cost of a query, see :mod:`api.limits`    50000
CABLEGRAPH_REQUEST_TIMEOUT     seconds a request may run                           10
CABLEGRAPH_MAX_BODY_BYTES      bytes of a request body (413 above)                 33554432
=============================  ==================================================  ==============

``auto`` anonymous access means: full read when bound to a loopback address, nothing
without a token on any other address.

>>> s = Settings.from_env({"CABLEGRAPH_PORT": "9000", "CABLEGRAPH_MAX_ALIASES": "5"})
>>> (s.host, s.port, s.limits.max_aliases, s.anonymous.mode)
('127.0.0.1', 9000, 5, <AnonymousMode.AUTO: 'auto'>)
>>> Settings.from_env({"CABLEGRAPH_PORT": "http"})
Traceback (most recent call last):
...
api.tokens.SettingsError: CABLEGRAPH_PORT: expected an integer from 0 to 65535, got 'http'
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeAlias

from api.tokens import (
    SettingsError,
    TokenEntry,
    load_tokens_file,
    make_entry,
    parse_clearance,
    parse_inline_tokens,
    parse_scopes,
)
from graph.model import FULL_CLEARANCE, Clearance

Env: TypeAlias = Mapping[str, str]

__all__ = ["AnonymousMode", "AnonymousPolicy", "Limits", "Settings", "SettingsError"]

#: Hard ceiling of any page size, whatever the settings say.
PAGE_SIZE_CEILING = 500


class AnonymousMode(StrEnum):
    AUTO = "auto"
    NONE = "none"
    CLEARANCE = "clearance"


@dataclass(frozen=True, slots=True)
class AnonymousPolicy:
    """What a request without a token may see.

    >>> AnonymousPolicy.parse("auto").clearance_for("127.0.0.1") == FULL_CLEARANCE
    True
    >>> AnonymousPolicy.parse("auto").clearance_for("0.0.0.0") is None
    True
    >>> AnonymousPolicy.parse("UNCLASSIFIED").clearance_for("0.0.0.0")
    Clearance(level=<Level.UNCLASSIFIED: 0>, noforn=False)
    """

    mode: AnonymousMode = AnonymousMode.AUTO
    clearance: Clearance | None = None

    @classmethod
    def parse(cls, text: str) -> AnonymousPolicy:
        """Read ``CABLEGRAPH_ANONYMOUS``: ``auto``, ``none`` or a clearance."""
        word = text.strip().lower()
        if word in (AnonymousMode.AUTO, AnonymousMode.NONE):
            return cls(AnonymousMode(word))
        return cls(AnonymousMode.CLEARANCE, parse_clearance(text, "CABLEGRAPH_ANONYMOUS"))

    def clearance_for(self, bind_host: str) -> Clearance | None:
        """The anonymous clearance of a server bound to ``bind_host`` (None: refused)."""
        if self.mode is AnonymousMode.CLEARANCE:
            return self.clearance
        if self.mode is AnonymousMode.AUTO and is_loopback(bind_host):
            return FULL_CLEARANCE
        return None


def is_loopback(host: str) -> bool:
    """True for loopback addresses and ``localhost``.

    >>> [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.1.2.3")]
    [True, True, True, False, False]
    """
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[] ")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-request limits; see :mod:`api.limits` for how each is enforced."""

    max_depth: int = 12
    max_tokens: int = 4000
    max_aliases: int = 30
    max_page_size: int = PAGE_SIZE_CEILING
    max_traversal_depth: int = 10
    max_result_nodes: int = 5000
    complexity_budget: int = 50_000
    request_timeout: float = 10.0
    max_body_bytes: int = 32 * 2**20


#: The largest value of a limit, where it is not 10,000,000.
LIMIT_CEILINGS: Mapping[str, int] = {
    "max_page_size": PAGE_SIZE_CEILING,
    "max_body_bytes": 2**31 - 1,
}

#: Environment key of each :class:`Limits` field.
LIMIT_KEYS: Mapping[str, str] = {
    "max_depth": "CABLEGRAPH_MAX_DEPTH",
    "max_tokens": "CABLEGRAPH_MAX_TOKENS",
    "max_aliases": "CABLEGRAPH_MAX_ALIASES",
    "max_page_size": "CABLEGRAPH_MAX_PAGE_SIZE",
    "max_traversal_depth": "CABLEGRAPH_MAX_TRAVERSAL_DEPTH",
    "max_result_nodes": "CABLEGRAPH_MAX_RESULT_NODES",
    "complexity_budget": "CABLEGRAPH_COMPLEXITY_BUDGET",
    "request_timeout": "CABLEGRAPH_REQUEST_TIMEOUT",
    "max_body_bytes": "CABLEGRAPH_MAX_BODY_BYTES",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the API server is configured with. Build it once with
    :meth:`from_env` (or :meth:`for_tests`) and pass it to ``create_app``."""

    host: str = "127.0.0.1"
    port: int = 8000
    store_uri: str = "cablegraph.db"
    tokens: tuple[TokenEntry, ...] = ()
    anonymous: AnonymousPolicy = field(default_factory=AnonymousPolicy)
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_env(cls, env: Env = os.environ) -> Settings:
        """Read every ``CABLEGRAPH_*`` key; raise :class:`SettingsError` naming a bad one."""
        return cls(
            host=env.get("CABLEGRAPH_HOST", "127.0.0.1").strip() or "127.0.0.1",
            port=read_int(env, "CABLEGRAPH_PORT", 8000, 0, 65535),
            store_uri=env.get("CABLEGRAPH_STORE", "").strip() or "cablegraph.db",
            tokens=read_tokens(env),
            anonymous=AnonymousPolicy.parse(env.get("CABLEGRAPH_ANONYMOUS", "auto")),
            limits=read_limits(env),
        )

    @classmethod
    def for_tests(
        cls,
        tokens: Mapping[str, tuple[str, str, str]] | None = None,
        anonymous: str = "auto",
        host: str = "127.0.0.1",
        **limits: Any,
    ) -> Settings:
        """Settings for tests: ``tokens`` maps name -> (token, clearance, scopes "read+write").

        >>> s = Settings.for_tests({"w": ("write-token", "SECRET:noforn", "read+write")},
        ...                        anonymous="none", max_aliases=3)
        >>> (s.tokens[0].name, sorted(s.tokens[0].scopes), s.limits.max_aliases)
        ('w', ['read', 'write'], 3)
        """
        entries = tuple(
            make_entry(name, token, parse_clearance(level, name), parse_scopes(sc.split("+"), name))
            for name, (token, level, sc) in (tokens or {}).items()
        )
        return cls(
            host=host,
            tokens=entries,
            anonymous=AnonymousPolicy.parse(anonymous),
            limits=replace(Limits(), **limits),
        )

    @property
    def anonymous_clearance(self) -> Clearance | None:
        """What a request without a token may see on this server (None: refused)."""
        return self.anonymous.clearance_for(self.host)


def read_int(env: Env, key: str, default: int, low: int, high: int) -> int:
    """An integer setting within [low, high].

    >>> read_int({"K": " 7 "}, "K", 1, 1, 10)
    7
    >>> read_int({"K": "70"}, "K", 1, 1, 10)
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: K: expected an integer from 1 to 10, got '70'
    """
    raw = env.get(key)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise SettingsError(f"{key}: expected an integer from {low} to {high}, got {raw!r}")
    return value


def read_seconds(env: Env, key: str, default: float) -> float:
    """A positive duration in seconds.

    >>> read_seconds({"T": "2.5"}, "T", 10.0)
    2.5
    >>> read_seconds({"T": "-1"}, "T", 10.0)
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: T: expected a number of seconds from 0.01 to 3600, got '-1'
    """
    raw = env.get(key)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw.strip())
    except ValueError:
        value = -1.0
    if not 0.01 <= value <= 3600:
        raise SettingsError(f"{key}: expected a number of seconds from 0.01 to 3600, got {raw!r}")
    return value


def read_limits(env: Env) -> Limits:
    """Every ``CABLEGRAPH_MAX_*`` limit, with the defaults of :class:`Limits`."""
    base = Limits()
    values: dict[str, Any] = {}
    for name, key in LIMIT_KEYS.items():
        default = getattr(base, name)
        if name == "request_timeout":
            values[name] = read_seconds(env, key, default)
        else:
            values[name] = read_int(env, key, default, 1, LIMIT_CEILINGS.get(name, 10_000_000))
    return Limits(**values)


def read_tokens(env: Env) -> tuple[TokenEntry, ...]:
    """Tokens from ``CABLEGRAPH_TOKENS`` and ``CABLEGRAPH_TOKENS_FILE`` together."""
    inline = parse_inline_tokens(env.get("CABLEGRAPH_TOKENS", ""))
    path = env.get("CABLEGRAPH_TOKENS_FILE", "").strip()
    from_file = load_tokens_file(Path(path)) if path else ()
    both = sorted({e.name for e in inline} & {e.name for e in from_file})
    if both:
        raise SettingsError(
            f"CABLEGRAPH_TOKENS and CABLEGRAPH_TOKENS_FILE both configure token {both[0]!r}"
        )
    digests = {e.digest for e in inline} & {e.digest for e in from_file}
    if digests:
        raise SettingsError("CABLEGRAPH_TOKENS and CABLEGRAPH_TOKENS_FILE share a token")
    return inline + from_file
