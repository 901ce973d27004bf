"""The compiled markings searches (``markings_c``) give what their pure-Python
references give: the spaced banner (``banner_start``, and through it ``find_banner`` and
``banner_level``) and the caveat words of a head's first lines (``caveat_words``, and
through it ``find_caveats`` and ``head_caveats``), on every corpus body, routing header
and preamble head, and on generated text of banners in any case, caveat words, every
kind of line break and space, and letters past ASCII that ``re`` lets stand for a banner
letter (``ſ``, ``ı``, ``İ``), in 1-, 2- and 4-byte strings. Where the compiled search
declines, the Python one answers."""

from __future__ import annotations

import random

import pytest

from loaders.header import markings
from loaders.header.markings import (
    DECLINED,
    banner_level,
    banner_level_python,
    banner_start_python,
    caveat_words_python,
    find_banner,
    find_caveats,
    find_caveats_python,
    head_caveats,
)
from loaders.header.preamble import split_preamble
from loaders.readers.html import read_cablegate_page
from tests.loaders.compiled_texts import CORPUS_CABLES
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "C O N F I D E N T I A L", "s e c r e t", "U n C l A s S i F i E d", "S E C R E", " E ",
    " e ", "E", "e", " ", "  ", "S", "C", "U", "C O N F", "ſ E C R E T", "S E C R E T",
    "c o n f ı d e n t ı a l", "U N C L A S S İ F I E D", "S E C R E Tx", "_", "1", "٣",
    "NOFORN", "nofOrn", "SIPDIS", "Sipdis", "EXDIS", "NODIS", "limdis", "STADIS", "ROGER",
    "CHEROKEE", "ORCON", "SENSITIVE", "FOR OFFICIAL USE ONLY", "for official use only",
    "FOR  OFFICIAL USE ONLY", "NOFORNS", "XNOFORN", "_SIPDIS", "SIPDIS_", "SIPDIS9", "NODIS,",
    "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028",
    "\u2029", "\t", "\xa0", "\u3000", "ſ", "\u212a", "İ", "ı", "é", "’", "😀", "a", "x" * 40,
    ".", ",", "STATE 068633", "SECTION 01 OF 02",
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not markings.COMPILED, reason="markings_c is not built")


def generated_texts(seed: int, count: int) -> list[str]:
    """Texts of up to 40 random pieces."""
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def corpus_texts() -> list[tuple[str, str, str]]:
    """Each corpus page's body, routing header and preamble head."""
    texts = []
    for path in sorted(CABLEGATE.glob("*.html")):
        raw = read_cablegate_page(path.read_bytes(), str(path))
        texts.append((raw.body, raw.header or "", split_preamble(raw.body).head))
    assert len(texts) == CORPUS_CABLES
    return texts


def assert_same_banner(text: str) -> int:
    """The compiled banner search and its users agree with the references; what the
    compiled search gave."""
    from loaders.header.markings_c import banner_start

    start = banner_start(text)
    reference = banner_start_python(text)
    assert start in (reference, DECLINED), repr(text)
    assert find_banner(text) == (reference if reference >= 0 else None), repr(text)
    assert banner_level(text) == banner_level_python(text), repr(text)
    return start


def assert_same_caveats(text: str) -> bool:
    """The compiled caveat search agrees with the reference for several line counts;
    True when it declined."""
    from loaders.header.markings_c import caveat_words

    for lines in (0, 1, 2, 3, 12, -1):
        found = caveat_words(text, lines)
        assert found in (None, caveat_words_python(text, lines)), (repr(text), lines)
    lines_of = text.splitlines()
    for count in (0, 1, 2, 3, 12, -1):
        assert head_caveats(text, count) == find_caveats_python(lines_of[:count]), (text, count)
    assert find_caveats(lines_of) == find_caveats_python(lines_of), repr(text)
    return caveat_words(text, -1) is None


def test_the_compiled_markings_are_built() -> None:
    # CI builds them: a checkout that silently fell back to Python would be slower.
    assert markings.COMPILED


@needs_compiled
def test_the_compiled_tables_are_the_python_ones() -> None:
    from loaders.header import markings_c

    assert markings_c.CAVEAT_WORDS == markings.CAVEAT_WORDS
    assert markings_c.DECLINED == DECLINED
    assert "(" + "|".join(markings_c.BANNERS) + ")" == markings._BANNER_RE.pattern
    assert {banner.replace(" ", "") for banner in markings_c.BANNERS} == set(markings.LEVELS)


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    found = declined = 0
    for body, header, head in corpus_texts():
        for text in (body, header, *header.splitlines()):
            declined += assert_same_banner(text) == DECLINED
        found += banner_start_python(body) >= 0
        declined += assert_same_caveats(head)
    assert found > 500 and declined < 10


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    declined_banners = declined_caveats = found = 0
    for text in generated_texts(seed, 3000):
        start = assert_same_banner(text)
        found += start >= 0
        declined_banners += start == DECLINED
        declined_caveats += assert_same_caveats(text)
    # the pieces reach every path: banners found, and both searches declining
    assert found > 100 and declined_banners > 10 and declined_caveats > 1000


@needs_compiled
def test_long_and_wide_texts() -> None:
    rng = random.Random(7)
    for filler in ("x", "x y ", "é", "’", "😀", " ", "a b c"):
        for _ in range(200):
            before = filler * rng.randint(0, 60)
            banner = rng.choice(("S E C R E T", "c O n F i D e N t I a L", "S E C R E", ""))
            text = before + banner + filler * rng.randint(0, 60)
            assert_same_banner(text)
            assert_same_caveats(before + " NOFORN\n" + text + "\rsipdis")
