"""The compiled numbered paragraphs (``paragraphs_c``) give what their pure-Python
references (``paragraphs.iter_numbered_starts``, ``numbered_paragraphs_python``) give:
on every corpus body and on generated numbered lines (numbers in and out of sequence,
``¶``, other digits, ``.`` and ``,`` and what follows them, portion marks well and
badly formed; 1- 2- and 4-byte strings), and on paragraphs with ruler lines, framed
headings and runs of ruler characters near the ends of 16- and 8-character blocks."""

from __future__ import annotations

import random

import pytest

from loaders.entities import paragraphs
from loaders.entities.paragraphs import (
    _MARK_HEADS,
    drop_signature,
    extract_paragraphs,
    iter_numbered_starts,
    numbered_paragraphs_python,
)
from loaders.entities.text import strip_header
from loaders.record import Paragraph
from tests.loaders.compiled_texts import corpus_bodies, generated_texts

try:
    from loaders.entities import paragraphs_c
except ImportError:  # pragma: no cover - a checkout that was never built
    paragraphs_c = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(paragraphs_c is None, reason="paragraphs_c is not built")

INDENTS = ("", " ", "\t", " \t ", "¶", "¶ ", " ¶\t", "x")
NUMBERS = ("1", "2", "3", "4", "0", "998", "999", "1000", "01", "٣", "1٢", "12", "")
AFTER_NUMBER = (".", ". ", ".\t", ".(", ".\n", ".x", " .", ",(", ", (", ",\t (", ",", ", x", "")
MARKS = (
    "", "(U)", "(C)", " (SBU) ", "(c)", "( C )", "(C//NF)", "(c / nf)", "(S/ /NF)", "(C///NF)",
    "(REFS)", "(ABCDE)", "(TS/SI/TK/NF)", "(A/B/C/D/E)", "(C/ABCDEFGH)", "(C/ABCDEFGHI)",
    "(FOUO)", "(LOU)", "(CUI)", "(C/)", "(/C)", "(C", "()", "(C)\t", "(é)", "(C)x",
)  # fmt: skip
TAILS = ("", " text", "text", " ’quoted’", " 😀", "\n", " more\n  wrapped line.")
RULED = (
    "1. (C) ", "2. ", "3. (U) ", "¶4. ", "\n", "\n", " ", "  ", "\t", "\r", "\x0b", "\xa0",
    "-", "--", "----", "-=-=", "====", "___", "_", "****", "*", "=", "word ", "Text. ",
    "’", "é", "😀", "\u3000", "\n-----\nTitle\n-----\n", "\n  ====  \n", "abcdefghijklmno",
)  # fmt: skip


def numbered_lines(rng: random.Random) -> str:
    """Lines that start (or almost start) numbered paragraphs, with prose between."""
    lines = []
    for _ in range(rng.randint(0, 12)):
        number = rng.choice((*NUMBERS, str(len(lines) + 1), str(len(lines) + 1)))
        parts = (INDENTS, (number,), AFTER_NUMBER, MARKS, TAILS)
        lines.append("".join(rng.choice(choices) for choices in parts))
    return rng.choice(("", "\n")).join(lines) if rng.random() < 0.3 else "\n".join(lines)


def assert_same(body: str) -> None:
    assert paragraphs_c is not None
    starts = paragraphs_c.numbered_starts(body, _MARK_HEADS)
    assert starts == list(iter_numbered_starts(body))
    found = paragraphs_c.numbered_paragraphs(body, _MARK_HEADS, Paragraph)
    assert found == numbered_paragraphs_python(body, _MARK_HEADS, Paragraph)


def test_the_compiled_paragraphs_are_built() -> None:
    # CI builds them: a checkout that silently fell back to Python would be slower.
    assert paragraphs.numbered_paragraphs is not numbered_paragraphs_python


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    for body in corpus_bodies():
        assert_same(body)
        assert_same(drop_signature(strip_header(body)))


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        assert_same(numbered_lines(rng))
    for body in generated_texts(seed, 1500):
        assert_same(body)


@needs_compiled
@pytest.mark.parametrize("seed", range(2))
def test_compiled_equals_python_on_ruled_paragraphs(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20000):
        assert_same("".join(rng.choice(RULED) for _ in range(rng.randint(0, 40))))


def test_the_records_are_equal_to_those_built_by_the_class() -> None:
    found = extract_paragraphs("1. (C) A.\n2. (s//nf) B.")
    assert found == (Paragraph(1, "C", "A."), Paragraph(2, "S//NF", "B."))
    assert [type(paragraph) for paragraph in found] == [Paragraph, Paragraph]
    assert hash(found[0]) == hash(Paragraph(1, "C", "A."))
