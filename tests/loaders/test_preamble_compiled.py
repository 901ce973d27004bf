"""The compiled preamble split (``preamble_c.split_preamble``) gives what its pure-Python
reference (``split_preamble_python``) gives: on every corpus body, and on generated
preambles of field keywords, values, paragraph starts and the characters whose upper
case, whitespace or word class Python reads its own way (``ß`` → ``SS``, ``ſ`` → ``S``,
``\\x85``, ``\\u2028``, ``٣``), in 1-, 2- and 4-byte strings, short and past the
6,000 characters a preamble is read to."""

from __future__ import annotations

import random

import pytest

from loaders.header import preamble
from loaders.header.preamble import (
    SEED_BODY,
    Preamble,
    split_preamble,
    split_preamble_python,
)
from tests.loaders.compiled_texts import corpus_bodies
from tests.loaders.test_preamble import ANKARA_348, LAPAZ_96, STATE_50524, STOCKHOLM_194

KEYWORDS = (
    "E.O. 12958: ", "E.o. 12958", "EO 13526 ", "E. O. 12958:", "e.o.12958:", "E.O.\x8512958",
    "E.O 1295", "E.O. 12٣58", "XE.O. 12958", "E.O. 129581", "DECL: 06/19/2018", "TAGS: ",
    "TAGS ", "Tags", "TAG ", "TAGSX", "tagſ", "taGS_", "SUBJECT: ", "SUBJECT ", "SUBJ:",
    "Subject", "SUBJECTS", "subjecT\u2028:", "SUBJEct1", "REF: ", "REFTEL: ", "REFS ", "REFTELS",
    "REFTELX", "Ref ", "REFX", "REFTE", "ref\n", "Classified By: ", "CLASSIFIED\nBY", "classified",
    "Classified  by:", "CLASSIFIED BY_", "ſUBJECT: ", "TAGſ: ", "CLAſSIFIED BY", "ﬁ", "ß", "ı",
)  # fmt: skip
VALUES = (
    "PREL SMIL", "reasons 1.4 (b)", "1 . 5", "1.8", "1\n.\n4", "reaſon", "REASON", "N/A", "n/A",
    "PAGE 02 HARARE 06677 01 OF 03 291400Z ", "C O N F I D E N T I A L", "S E C R E T",
    "-----", "ISLAMABAD 00000461 001.2 OF 003", "Friday, 18 December 2009, ", "day,", "A.",
    "(B) ", "B) ", "b.", "¶C. LA PAZ 11", "TOKYO 1464", "x", "SIPDIS", "CORRECTED COPY:",
    ", - ;", " :", "-", "_", "ÿ", "µ", "’", "“", "😀", "K", "\u0345", "x" * 90,
)  # fmt: skip
SPACES = (
    " ", "  ", "\n", "\n\n", "\n \t\n", "\r\n", "\r\n\r\n", "\r", "\t", "\x0b", "\x0c",
    "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u2029", "\u3000",
)  # fmt: skip
PARAGRAPHS = (
    "\n1. (C) ", "\n¶1. (U) ", " ¶1. (", "\n ¶ 1 x", "¶1.", "\n1 .\n(", "\n1.x", " ¶ 1 . (",
    "\n¶1_", "\n¶12", "\x85¶1. (", "1. (C)",
)  # fmt: skip
BODIES = (SEED_BODY, ANKARA_348, STATE_50524, STOCKHOLM_194, LAPAZ_96)

needs_compiled = pytest.mark.skipif(not preamble.COMPILED, reason="preamble_c is not built")


def generated_body(rng: random.Random) -> str:
    """Random pieces, mostly keywords and values between whitespace; sometimes a sample
    body with pieces put in, or a body longer than a preamble is read; a third of them
    kept to Latin-1 (the 1-byte strings read 16 bytes at a time)."""
    body = any_body(rng)
    return "".join(ch for ch in body if ord(ch) < 256) if rng.random() < 0.33 else body


def any_body(rng: random.Random) -> str:
    if rng.random() < 0.2:
        body = rng.choice(BODIES)
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(body))
            piece = rng.choice(KEYWORDS + VALUES + SPACES + PARAGRAPHS)
            body = body[:at] + piece + body[at:]
        return body.lower() if rng.random() < 0.2 else body
    pools = (KEYWORDS, VALUES, VALUES, SPACES, SPACES, SPACES, PARAGRAPHS)
    body = "".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 40)))
    if rng.random() < 0.05:
        body = body + "noise REF words " * rng.randint(300, 500) + body
    return body


def assert_same(body: str) -> None:
    compiled, python = split_preamble(body), split_preamble_python(body)
    assert compiled == python, body
    for name in Preamble.__slots__:
        assert type(getattr(compiled, name)) is type(getattr(python, name)), (name, body)


def test_the_compiled_split_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert preamble.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    for body in corpus_bodies():
        assert_same(body)


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_preambles(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2500):
        assert_same(generated_body(rng))


@needs_compiled
def test_compiled_equals_python_on_edge_bodies() -> None:
    for body in ("", " ", "\n", "¶", "1. (", "E.O. 12958", "ß" * 7000, "x" * 6001 + "\n1. (C)"):
        assert_same(body)
    assert_same("SUBJECT: ßß " + "REF: A. " + "WORD " * 200 + "\n1. (C) x")  # ß → SS


@needs_compiled
def test_the_compiled_limits_are_the_python_ones() -> None:
    from loaders.header import preamble_c

    assert preamble_c.MAX_PREAMBLE == preamble.MAX_PREAMBLE
    assert preamble_c.MAX_REF == preamble.MAX_REF
    assert tuple(kind for kind, _, _ in preamble._FIELDS) == preamble_c.FIELD_NAMES
    assert preamble_c.PUNCTUATION_FOLDS
    assert Preamble.__slots__ == preamble_c.SLOTS  # the fields in the order it reads them
