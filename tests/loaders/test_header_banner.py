"""The banner level's fast paths give what the plain reading gives: a body without
" E " is not scanned for a spaced banner, and only its first lines are split, on every
corpus body and on generated text (banners in any case, every kind of line break)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from loaders.header.markings import _BANNER_RE, _PLAIN_BANNER_RE, _SPACED, banner_level, first_lines
from loaders.readers.html import read_cablegate_page
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "C O N F I D E N T I A L", "s e c r e t", "U n C l A s S i F i E d", "S E C R E", " E ",
    " e ", "E", " ", "SECRET", "UNCLAS", "CONFIDENTIAL", " SECTION 01", " STATE 001234",
    " AMMAN 001288", "UNCLASSIFIED", "\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85",
    "\t", "\u00a0", "ſ", "K", "İ", "é", "a", "1", "x" * 100, "y" * 300,
)  # fmt: skip


def reference_level(text: str) -> str | None:
    match = _BANNER_RE.search(text)
    if match:
        return _SPACED[match[1].upper()]
    for line in text.splitlines()[:3]:
        plain = _PLAIN_BANNER_RE.match(line.upper())
        if plain:
            return "UNCLASSIFIED" if plain[1].startswith("UNCLAS") else plain[1]
    return None


def generated(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))


def test_banner_level_as_the_plain_reading() -> None:
    bodies = [read_cablegate_page(p.read_bytes(), str(p)).body for p in CABLEGATE.glob("*.html")]
    for text in [*bodies, *generated(20000, seed=5)]:
        assert banner_level(text) == reference_level(text), repr(text[:200])


def test_first_lines_as_splitlines() -> None:
    for text in generated(20000, seed=6):
        for count in (0, 1, 3, 7):
            assert first_lines(text, count) == text.splitlines()[:count], repr(text)


@pytest.mark.parametrize(
    ("banner", "level"),
    [
        ("C O N F \u0130 D E N T \u0130 A L", "CONFIDENTIAL"),  # İ matches I ignoring case
        ("U N C L A S S \u0130 F I E D", "UNCLASSIFIED"),
        ("\u017f E C R E T", "SECRET"),  # ſ matches S
        ("c o n f ı d e n t ı a l", "CONFIDENTIAL"),
    ],
)
def test_a_banner_with_letters_matched_ignoring_case_gives_its_level(
    banner: str, level: str
) -> None:
    """Such a banner once raised KeyError (its upper-case form is not a known banner),
    and the cable was lost as an internal error."""
    assert banner_level(f"{banner} STATE 068633\n\nTEXT") == level
