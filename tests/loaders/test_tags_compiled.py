"""The compiled reading of a TAGS value (``tags_c.tag_codes``) gives the codes its
pure-Python reference gives (``tags.tag_codes_python``), on every corpus TAGS value and
on generated values of known codes, glued codes, unknown words, persons in balanced and
unbalanced parentheses, separators, every kind of whitespace, and characters past ASCII
(which it declines; ``str.upper`` turns ``ß`` into ``SS`` and ``ﬁ`` into ``FI``)."""

from __future__ import annotations

import random

import pytest

from loaders.header import tags
from loaders.header.preamble import split_preamble
from loaders.header.tags import (
    classify_tag,
    known_codes,
    parse_tags,
    split_glued,
    tag_codes,
    tag_codes_python,
)
from loaders.readers.html import read_cablegate_page
from tests.loaders.compiled_texts import CORPUS_CABLES
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "PREL", "prel", "PGOV", "KDEM", "kjus", "NATO", "UNSC", "EUN", "JA", "sf", "XF", "IZ",
    "EINDETRD", "KDEMAF", "PRELPGOVJA", "ELECTIONS", "COUNTER", "TERRORISM", "political",
    "PARTIES", "STEINBERG", "JAMES", "OVIP", "ABCDEFGHIJKLMNOPQ", "ABCDE", "A1B2", "X12",
    "(", ")", "(CLINTON, HILLARY)", "( STEINBERG\tJAMES )", "(,)", "( , )", "(POLITICAL",
    " ", "  ", ",", ", ", ";", ".", ":", "-", "--", "PREL:", ".PGOV.", "-KDEM-", "_", "/",
    "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000",
    "ß", "ﬁ", "ı", "ſ", "é", "٣", "’", "😀",
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not tags.COMPILED, reason="tags_c is not built")


def generated_values(seed: int, count: int) -> list[str]:
    """Values of up to 16 random pieces; the non-ASCII ones in one value of three."""
    rng = random.Random(seed)
    ascii_pieces = [piece for piece in PIECES if piece.isascii()]
    values = []
    for index in range(count):
        pieces = PIECES if index % 3 == 0 else ascii_pieces
        values.append("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))))
    return values


def corpus_tags() -> list[str]:
    values = []
    for path in sorted(CABLEGATE.glob("*.html")):
        raw = read_cablegate_page(path.read_bytes(), str(path))
        values.append(split_preamble(raw.body).tags or "")
    assert len(values) == CORPUS_CABLES
    return values


def assert_same_codes(value: str) -> bool:
    """The compiled reading and the reference agree; True when the compiled one declined."""
    from loaders.header.tags_c import tag_codes as compiled

    found = compiled(value, known_codes(), split_glued)
    reference = tag_codes_python(value)
    assert found in (None, reference), repr(value)
    assert tag_codes(value) == reference, repr(value)
    assert parse_tags.__wrapped__(value) == (tuple(map(classify_tag, reference)) if value else ())
    return found is None


def test_the_compiled_tags_reading_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert tags.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    values = corpus_tags()
    assert sum(assert_same_codes(value) for value in values) == 0
    assert sum(len(tag_codes(value)) for value in values) > 2000


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_values(seed: int) -> None:
    values = generated_values(seed, 3000)
    declined = sum(assert_same_codes(value) for value in values)
    assert 300 < declined < 1000  # non-ASCII values only (one in three, most of them)
