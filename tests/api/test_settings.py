"""api.settings and api.tokens: reading the environment once, refusing bad values by
name, and never repeating a token."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import AnonymousMode, Limits, Settings, SettingsError
from api.tokens import digest_token
from graph.model import FULL_CLEARANCE, Clearance, Level

SECRET_TOKEN = "s3cret-t0ken-never-shown"


def test_defaults_bind_loopback_with_full_anonymous_read() -> None:
    settings = Settings.from_env({})
    assert (settings.host, settings.port, settings.store_uri) == (
        "127.0.0.1",
        8000,
        "cablegraph.db",
    )
    assert settings.tokens == ()
    assert settings.anonymous.mode is AnonymousMode.AUTO
    assert settings.anonymous_clearance == FULL_CLEARANCE
    assert settings.limits == Limits()
    assert settings.limits.max_page_size == 500


def test_auto_anonymous_is_refused_on_a_public_address() -> None:
    settings = Settings.from_env({"CABLEGRAPH_HOST": "0.0.0.0"})
    assert settings.anonymous_clearance is None


@pytest.mark.parametrize(
    ("value", "host", "expected"),
    [
        ("none", "127.0.0.1", None),
        ("UNCLASSIFIED", "0.0.0.0", Clearance(Level.UNCLASSIFIED)),
        ("confidential:noforn", "10.0.0.5", Clearance(Level.CONFIDENTIAL, noforn=True)),
        ("auto", "::1", FULL_CLEARANCE),
        ("auto", "localhost", FULL_CLEARANCE),
    ],
)
def test_anonymous_policy(value: str, host: str, expected: Clearance | None) -> None:
    env = {"CABLEGRAPH_ANONYMOUS": value, "CABLEGRAPH_HOST": host}
    assert Settings.from_env(env).anonymous_clearance == expected


def test_bad_anonymous_value_names_the_key_and_value() -> None:
    with pytest.raises(SettingsError, match=r"CABLEGRAPH_ANONYMOUS: unknown clearance 'TOP'"):
        Settings.from_env({"CABLEGRAPH_ANONYMOUS": "TOP"})


def test_inline_tokens() -> None:
    env = {
        "CABLEGRAPH_TOKENS": f"ana:{SECRET_TOKEN}:SECRET:noforn:read+write,\n"
        "ci:another-token-1:UNCLASSIFIED:read"
    }
    ana, ci = Settings.from_env(env).tokens
    assert (ana.name, ana.clearance, ana.scopes) == (
        "ana",
        Clearance(Level.SECRET, noforn=True),
        frozenset({"read", "write"}),
    )
    assert ana.digest == digest_token(SECRET_TOKEN)
    assert (ci.name, ci.clearance.level, ci.clearance.noforn) == ("ci", Level.UNCLASSIFIED, False)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (f"ana:{SECRET_TOKEN}:TOPSECRET:read", r"entry 1 \(name 'ana'\).*'TOPSECRET'"),
        (f"ana:{SECRET_TOKEN}:SECRET:admin", r"entry 1 \(name 'ana'\): unknown scope 'admin'"),
        (f"ana:{SECRET_TOKEN}", r"entry 1 \(name 'ana'\): expected name:token"),
        ("ana:short:SECRET:read", r"token 'ana': token is shorter than 8 characters"),
        (f"ana:{SECRET_TOKEN}:SECRET:read ana:other-token-22:SECRET:read", r"'ana' .* twice"),
        (f"ana:{SECRET_TOKEN}:SECRET:read bob:{SECRET_TOKEN}:SECRET:read", r"also another"),
    ],
)
def test_bad_token_entries_name_the_entry_never_the_token(entry: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as caught:
        Settings.from_env({"CABLEGRAPH_TOKENS": entry})
    assert SECRET_TOKEN not in str(caught.value)
    assert "short:" not in str(caught.value)


def write_tokens_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tokens.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_tokens_file_with_plain_token_and_digest(tmp_path: Path) -> None:
    digest = digest_token("digest-only-token").hex()
    path = write_tokens_file(
        tmp_path,
        f"""
[[token]]
name = "ana"
token = "{SECRET_TOKEN}"
clearance = "SECRET"
noforn = true
scopes = ["read", "write"]

[[token]]
name = "ci"
sha256 = "{digest}"
clearance = "UNCLASSIFIED"
""",
    )
    env = {
        "CABLEGRAPH_TOKENS_FILE": str(path),
        "CABLEGRAPH_TOKENS": "inline:inline-token-9:CONFIDENTIAL:read",
    }
    inline, ana, ci = Settings.from_env(env).tokens
    assert inline.clearance == Clearance(Level.CONFIDENTIAL)
    assert ana.clearance == Clearance(Level.SECRET, noforn=True)
    assert ana.scopes == frozenset({"read", "write"})
    assert ci.digest == digest_token("digest-only-token")
    assert ci.scopes == frozenset({"read"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[token]\n", r"not valid TOML"),
        ('[[token]]\nname = "a"\nclearance = "SECRET"\n', r"token 1 \(name 'a'\).*exactly one"),
        ('[[token]]\nname = 3\nclearance = "SECRET"\n', r"token 1: 'name' must be a string"),
        ('[[tokens]]\nname = "a"\n', r"expected only \[\[token\]\] tables"),
        (
            f'[[token]]\nname = "a"\ntoken = "{SECRET_TOKEN}"\nclearance = "SECRET"\n'
            'scopes = ["read", "delete"]\n',
            r"token 1 \(name 'a'\): unknown scope 'delete'",
        ),
    ],
)
def test_bad_tokens_file_names_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = write_tokens_file(tmp_path, text)
    with pytest.raises(SettingsError, match=message) as caught:
        Settings.from_env({"CABLEGRAPH_TOKENS_FILE": str(path)})
    assert str(path) in str(caught.value)
    assert SECRET_TOKEN not in str(caught.value)


def test_missing_tokens_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(SettingsError, match=r"CABLEGRAPH_TOKENS_FILE '.*nope.toml': cannot read"):
        Settings.from_env({"CABLEGRAPH_TOKENS_FILE": str(missing)})


def test_same_name_inline_and_in_file_is_refused(tmp_path: Path) -> None:
    path = write_tokens_file(
        tmp_path, f'[[token]]\nname = "ana"\ntoken = "{SECRET_TOKEN}"\nclearance = "SECRET"\n'
    )
    env = {
        "CABLEGRAPH_TOKENS_FILE": str(path),
        "CABLEGRAPH_TOKENS": "ana:other-token-1:SECRET:read",
    }
    with pytest.raises(SettingsError, match="both configure token 'ana'"):
        Settings.from_env(env)


def test_reprs_never_carry_a_token() -> None:
    settings = Settings.from_env({"CABLEGRAPH_TOKENS": f"ana:{SECRET_TOKEN}:SECRET:read"})
    assert "ana" in repr(settings)
    assert SECRET_TOKEN not in repr(settings)
    assert digest_token(SECRET_TOKEN).hex() not in repr(settings)


def test_limits_from_env() -> None:
    env = {
        "CABLEGRAPH_MAX_DEPTH": "8",
        "CABLEGRAPH_MAX_TOKENS": "900",
        "CABLEGRAPH_MAX_ALIASES": "4",
        "CABLEGRAPH_MAX_PAGE_SIZE": "100",
        "CABLEGRAPH_MAX_TRAVERSAL_DEPTH": "6",
        "CABLEGRAPH_MAX_RESULT_NODES": "700",
        "CABLEGRAPH_COMPLEXITY_BUDGET": "1234",
        "CABLEGRAPH_REQUEST_TIMEOUT": "2.5",
    }
    assert Settings.from_env(env).limits == Limits(8, 900, 4, 100, 6, 700, 1234, 2.5)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "CABLEGRAPH_MAX_PAGE_SIZE",
            "1000",
            "CABLEGRAPH_MAX_PAGE_SIZE: expected an integer from 1 to 500, got '1000'",
        ),
        ("CABLEGRAPH_MAX_DEPTH", "deep", "CABLEGRAPH_MAX_DEPTH: expected an integer"),
        ("CABLEGRAPH_MAX_ALIASES", "0", "CABLEGRAPH_MAX_ALIASES: expected an integer from 1"),
        ("CABLEGRAPH_REQUEST_TIMEOUT", "soon", "CABLEGRAPH_REQUEST_TIMEOUT: expected a number"),
        ("CABLEGRAPH_PORT", "70000", "CABLEGRAPH_PORT: expected an integer from 0 to 65535"),
    ],
)
def test_bad_numbers_name_key_and_value(key: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({key: value})


def test_for_tests_builds_tokens_and_limits() -> None:
    settings = Settings.for_tests(
        {"w": ("writer-token-1", "SECRET:noforn", "read+write")},
        anonymous="none",
        host="0.0.0.0",
        max_page_size=50,
    )
    assert settings.tokens[0].clearance == FULL_CLEARANCE
    assert settings.limits.max_page_size == 50
    assert settings.anonymous_clearance is None
