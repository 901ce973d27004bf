"""The compiled body-text loops (``text_c``) give what their pure-Python references
(in ``text``, ``paragraphs``, ``summary``) give: on every corpus body (whole, header
stripped, and each paragraph's span) and on generated text built from what they decide
on (every kind of whitespace, ruler runs and lines, framed headings, digits, ``¶``,
non-ASCII letters, 1- 2- and 4-byte strings)."""

from __future__ import annotations

import random

import pytest

from loaders.entities import paragraphs, summary, text
from loaders.entities.paragraphs import (
    clean_paragraph_span_python,
    drop_signature,
    iter_numbered_starts,
    normalize_marking,
    numbered_line_candidates_python,
)
from loaders.entities.summary import ruler_run_start_python
from loaders.entities.text import (
    ascii_letter_counts_python,
    join_words_python,
    strip_header,
)
from tests.loaders.test_entities_corpus import CABLEGATE, read_body

PIECES = (
    "a", "Bc", "THE", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f",
    "\x85", "\xa0", "\u2028", "\u3000", "-", "--", "----", "-----", "====", "=-=-", "___",
    "____", "*", "****", "¶", "¶1.", "1. (C)", "25.", "٣", "é", "’", "😀", "x" * 79, ".",
    "2. (S//NF)", "3, (", "12.\n", "\n4. (c / nf) ",
)  # fmt: skip
LINES = (
    "----", " ---- ", "\t=====\t", "-=-=", "**** ****", "___", "____", "----\r", "",
    " ", "Title", "x" * 80, "x" * 81, "y" * 79 + "é", "text of a paragraph", "¶2. (U) b",
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not text.COMPILED, reason="text_c is not built")


def generated_texts(seed: int, count: int) -> list[str]:
    """Texts of random pieces, and texts of random lines (rulers, titles, prose)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30))))
        lines = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 9)))
        texts.append(rng.choice(("", "\n")) + lines + rng.choice(("", "\n")))
    return texts


def assert_same(body: str, spans: list[tuple[int, int]]) -> None:
    """Every compiled loop equals its reference on ``body`` and on each span of it."""
    for start, end in [(0, len(body)), *spans]:
        assert text.join_words(body, start, end) == join_words_python(body, start, end)
        cleaned = clean_paragraph_span_python(body, start, end)
        assert paragraphs.clean_paragraph_span(body, start, end) == cleaned
        ruler = ruler_run_start_python(body, start, end)
        assert summary.ruler_run_start(body, start, end) == ruler
    for stop in (0, 40, 4000, len(body)):
        assert text.ascii_letter_counts(body, stop) == ascii_letter_counts_python(body, stop)
    candidates = numbered_line_candidates_python(body)
    assert paragraphs.numbered_line_candidates(body) == candidates


def numbered_starts_by_search(body: str) -> list[tuple[int, int, int, str | None]]:
    """iter_numbered_starts as it was before the candidate lines: one search of
    the whole text (the reference of matching on candidate lines only)."""
    found: list[tuple[int, int, int, str | None]] = []
    expected: int | None = None
    for match in paragraphs._START.finditer("\n" + body):
        number = int(match.group(1))
        if (expected is None and not 0 < number < 999) or expected not in (None, number):
            continue
        expected = number + 1
        found.append((match.start(), match.end() - 1, number, normalize_marking(match[2])))
    return found


def test_the_compiled_text_loops_are_built() -> None:
    # CI builds them: a checkout that silently fell back to Python would be slower.
    assert text.COMPILED
    assert paragraphs.clean_paragraph_span is not clean_paragraph_span_python
    assert summary.ruler_run_start is not ruler_run_start_python


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        body = read_body(path)
        prose = drop_signature(strip_header(body))
        starts = [(start, text_start) for start, text_start, _, _ in iter_numbered_starts(prose)]
        ends = [start for start, _ in starts[1:]] + [len(prose)] if starts else []
        assert_same(body, [])
        assert list(iter_numbered_starts(prose)) == numbered_starts_by_search(prose)
        spans = [(text_start, end) for (_, text_start), end in zip(starts, ends, strict=True)]
        assert_same(prose, spans)
        checked += 1
    assert checked == 633


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for body in generated_texts(seed, 3000):
        start = rng.randint(0, len(body))
        assert_same(body, [(start, rng.randint(start, len(body)))])
        assert list(iter_numbered_starts(body)) == numbered_starts_by_search(body)


def test_the_numbered_starts_are_found_on_candidate_lines_only() -> None:
    # a paragraph number is matched only where a line starts with a digit or ``¶``
    body = "Intro.\n 1. (C) One.\n\t¶2. Two\nsee 3. here\n3, (S) Three"
    numbers = [number for _, _, number, _ in iter_numbered_starts(body)]
    assert numbers == [1, 2, 3]
