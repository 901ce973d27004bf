"""API tokens: parsing them from settings, and keeping them out of every message.

A token is kept only as its SHA-256 digest, so a :class:`TokenEntry` cannot leak the
secret through a repr, a log line or an exception. Two sources:

- inline, ``CABLEGRAPH_TOKENS``: entries ``name:token:clearance[:noforn]:scopes``
  separated by commas or whitespace, scopes joined by ``+``
  (``alice:s3cret-token:SECRET:noforn:read+write``);
- a TOML file, ``CABLEGRAPH_TOKENS_FILE``: one ``[[token]]`` table per token with
  ``name``, ``token`` (or ``sha256``, its hex digest), ``clearance``, ``noforn``
  (default false) and ``scopes`` (default ``["read"]``).

>>> entry = parse_inline_tokens("alice:s3cret-token:SECRET:noforn:read+write")[0]
>>> entry.name, entry.clearance, sorted(entry.scopes)
('alice', Clearance(level=<Level.SECRET: 2>, noforn=True), ['read', 'write'])
>>> "s3cret" in repr(entry)
False
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from graph.model import Clearance, Level

Scope: TypeAlias = str
Digest: TypeAlias = bytes

#: The scopes a token may carry: ``read`` for queries, ``write`` for the ingest mutation.
KNOWN_SCOPES: frozenset[Scope] = frozenset({"read", "write"})
MIN_TOKEN_LENGTH = 8
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
_SEPARATORS = re.compile(r"[,\s]+")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the key and the bad value
    (never a token)."""


@dataclass(frozen=True, slots=True)
class TokenEntry:
    """One configured token: who it is, what it may see and do, and its digest."""

    name: str
    clearance: Clearance
    scopes: frozenset[Scope]
    digest: Digest = field(repr=False, compare=False)


def digest_token(token: str) -> Digest:
    """The SHA-256 digest tokens are stored and compared as.

    >>> len(digest_token("abc"))
    32
    """
    return hashlib.sha256(token.encode()).digest()


def parse_clearance(text: str, key: str) -> Clearance:
    """A clearance written ``LEVEL`` or ``LEVEL:noforn`` (case-insensitive).

    >>> parse_clearance("confidential", "X")
    Clearance(level=<Level.CONFIDENTIAL: 1>, noforn=False)
    >>> parse_clearance("SECRET:NOFORN", "X")
    Clearance(level=<Level.SECRET: 2>, noforn=True)
    >>> parse_clearance("TOPSECRET", "CABLEGRAPH_ANONYMOUS")
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: CABLEGRAPH_ANONYMOUS: unknown clearance 'TOPSECRET' \
(expected UNCLASSIFIED, CONFIDENTIAL or SECRET, optionally ':noforn')
    """
    word, _, caveat = text.strip().upper().partition(":")
    if word not in Level.__members__ or caveat not in ("", "NOFORN"):
        raise SettingsError(
            f"{key}: unknown clearance {text!r} "
            "(expected UNCLASSIFIED, CONFIDENTIAL or SECRET, optionally ':noforn')"
        )
    return Clearance(Level[word], noforn=caveat == "NOFORN")


def parse_scopes(parts: Sequence[str], key: str) -> frozenset[Scope]:
    """Scopes, each one of :data:`KNOWN_SCOPES`.

    >>> sorted(parse_scopes(["read", "WRITE"], "X"))
    ['read', 'write']
    >>> parse_scopes(["admin"], "X")
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: X: unknown scope 'admin' (expected read or write)
    """
    scopes = frozenset(p.strip().lower() for p in parts if p.strip())
    unknown = sorted(scopes - KNOWN_SCOPES)
    if unknown:
        raise SettingsError(f"{key}: unknown scope {unknown[0]!r} (expected read or write)")
    if not scopes:
        raise SettingsError(f"{key}: no scopes given (expected read and/or write)")
    return scopes


def make_entry(name: str, token: str, clearance: Clearance, scopes: frozenset[Scope]) -> TokenEntry:
    """A checked :class:`TokenEntry`; errors name the entry, never the token.

    >>> make_entry("bob", "short", Clearance(Level.SECRET), frozenset({"read"}))
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: token 'bob': token is shorter than 8 characters
    """
    if not _NAME.match(name):
        raise SettingsError(f"token name {name!r}: use 1-64 letters, digits or _.@-")
    if len(token) < MIN_TOKEN_LENGTH:
        raise SettingsError(f"token {name!r}: token is shorter than {MIN_TOKEN_LENGTH} characters")
    if any(c.isspace() or c in ",:" for c in token):
        raise SettingsError(f"token {name!r}: token contains whitespace, ',' or ':'")
    return TokenEntry(name, clearance, scopes, digest_token(token))


def parse_inline_entry(text: str, position: int) -> TokenEntry:
    """One ``name:token:clearance[:noforn]:scopes`` entry (``position`` counts from 1).

    >>> parse_inline_entry("ci:0123456789:UNCLASSIFIED:read", 1).scopes
    frozenset({'read'})
    >>> parse_inline_entry("ci:0123456789", 2)
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: CABLEGRAPH_TOKENS entry 2 (name 'ci'): expected \
name:token:clearance[:noforn]:scopes, got 2 fields
    """
    parts = text.split(":")
    label = f"CABLEGRAPH_TOKENS entry {position} (name {parts[0]!r})"
    if len(parts) not in (4, 5):
        raise SettingsError(
            f"{label}: expected name:token:clearance[:noforn]:scopes, got {len(parts)} fields"
        )
    name, token, level, *rest = parts
    caveat = rest[0] if len(rest) == 2 else ""
    clearance = parse_clearance(f"{level}:{caveat}" if caveat else level, label)
    scopes = parse_scopes(rest[-1].split("+"), label)
    return make_entry(name, token, clearance, scopes)


def parse_inline_tokens(text: str) -> tuple[TokenEntry, ...]:
    """Every entry of ``CABLEGRAPH_TOKENS``, checked for duplicates.

    >>> [e.name for e in parse_inline_tokens("a:0123456789:SECRET:read, b:abcdefghij:SECRET:read")]
    ['a', 'b']
    >>> parse_inline_tokens("")
    ()
    """
    items = [item for item in _SEPARATORS.split(text.strip()) if item]
    entries = tuple(parse_inline_entry(item, n) for n, item in enumerate(items, 1))
    return check_unique(entries, "CABLEGRAPH_TOKENS")


def parse_file_entry(table: Mapping[str, object], label: str) -> TokenEntry:
    """One ``[[token]]`` table of a tokens file."""
    name = table.get("name")
    if not isinstance(name, str):
        raise SettingsError(f"{label}: 'name' must be a string, got {name!r}")
    label = f"{label} (name {name!r})"
    level = table.get("clearance")
    noforn = table.get("noforn", False)
    scopes = table.get("scopes", ["read"])
    if not isinstance(level, str) or not isinstance(noforn, bool):
        raise SettingsError(f"{label}: 'clearance' must be a string and 'noforn' a boolean")
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise SettingsError(f"{label}: 'scopes' must be a list of strings, got {scopes!r}")
    clearance = parse_clearance(level, label)
    clearance = Clearance(clearance.level, noforn=noforn or clearance.noforn)
    return make_file_entry(table, name, clearance, parse_scopes(scopes, label), label)


def make_file_entry(
    table: Mapping[str, object],
    name: str,
    clearance: Clearance,
    scopes: frozenset[Scope],
    label: str,
) -> TokenEntry:
    """The entry from its ``token`` or, when the file keeps only digests, ``sha256``."""
    token, hexdigest = table.get("token"), table.get("sha256")
    if isinstance(token, str) and hexdigest is None:
        return make_entry(name, token, clearance, scopes)
    if token is None and isinstance(hexdigest, str) and re.fullmatch(r"[0-9a-fA-F]{64}", hexdigest):
        checked = make_entry(name, "x" * MIN_TOKEN_LENGTH, clearance, scopes)
        return TokenEntry(checked.name, clearance, scopes, bytes.fromhex(hexdigest))
    raise SettingsError(
        f"{label}: give exactly one of 'token' (string) or 'sha256' (64 hex digits)"
    )


def load_tokens_file(path: Path) -> tuple[TokenEntry, ...]:
    """The ``[[token]]`` tables of a TOML tokens file (``CABLEGRAPH_TOKENS_FILE``)."""
    key = f"CABLEGRAPH_TOKENS_FILE {str(path)!r}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{key}: cannot read it ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{key}: not valid TOML ({exc})") from None
    tables = data.get("token", [])
    if not isinstance(tables, list) or set(data) - {"token"}:
        raise SettingsError(f"{key}: expected only [[token]] tables")
    entries = tuple(parse_file_entry(t, f"{key} token {n}") for n, t in enumerate(tables, 1))
    return check_unique(entries, key)


def check_unique(entries: tuple[TokenEntry, ...], key: str) -> tuple[TokenEntry, ...]:
    """Refuse two entries with the same name or the same token.

    >>> check_unique(parse_inline_tokens("a:0123456789:SECRET:read") * 2, "X")
    Traceback (most recent call last):
    ...
    api.tokens.SettingsError: X: token name 'a' is configured twice
    """
    names: set[str] = set()
    digests: set[Digest] = set()
    for entry in entries:
        if entry.name in names:
            raise SettingsError(f"{key}: token name {entry.name!r} is configured twice")
        if entry.digest in digests:
            raise SettingsError(f"{key}: token of {entry.name!r} is also another entry's token")
        names.add(entry.name)
        digests.add(entry.digest)
    return entries
