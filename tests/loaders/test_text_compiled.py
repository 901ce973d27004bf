"""The compiled body-text loops (``text_c``, ``text_scans_c``, ``text2_c``) give what
their pure-Python references (in ``text``, ``paragraphs``, ``summary``) give: on every
corpus body (whole, header stripped, and each paragraph's span) and on generated text
built from what they decide on (every kind of whitespace, ruler runs and lines, framed
headings, digits, ``¶``, non-ASCII letters, header words in every case and with the
letters ``re.IGNORECASE`` takes for ASCII ones, line breaks; 1- 2- and 4-byte strings).
"""

from __future__ import annotations

import random

import pytest

from loaders.entities import paragraphs, summary, text
from loaders.entities.paragraphs import (
    clean_paragraph_span_python,
    drop_signature,
    iter_numbered_starts,
    normalize_marking,
)
from loaders.entities.summary import ruler_run_start_python
from loaders.entities.text import (
    _HEADER_SCAN_LINES,
    _LINE_START,
    _PROSE_LINE,
    ascii_letter_counts_python,
    header_end_python,
    join_words_python,
    strip_header,
)
from tests.loaders.compiled_texts import corpus_bodies, generated_texts

try:
    from loaders.entities import text2_c
except ImportError:  # pragma: no cover - a checkout that was never built
    text2_c = None  # type: ignore[assignment]

HEADER_WORDS = (
    "E.O. 12958", "EO 12958", "E. O. 1295", "e.o.12958", "E.O 1٢٣٤٥", "TAGS", "TAG", "Tagsx",
    "SUBJECT", "SUBJ", "SUBJEC", "REF", "REFS", "REFERENCE", "REFERENCES", "REFTEL", "REFTELS",
    "CLASSIFIED BY", "Classified by", "CLASSIFIEDBY", "DERIVED FROM", "DECL", "DECLASSIFY",
    "DECLAS", "SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "CORRECTED COPY",
    "UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "SENSITIVE", "FOR OFFICIAL USE",
    "C O N F", "C O ", "S E C R E T", "SECTION 1 OF 2", "SECTION 01 OF 2x", "SECTION 1 OF",
    "¶1. (C)", "1. ", "12,(", "1234. ", "3 .(", "٣.\t", "1.", "1.\n", "¶ 2, (", "2,x",
)  # fmt: skip
AFTER_WORDS = (
    "", ":", " ", "s", "S", "_", "1", "x", " X", "-", " //", " 123 \t", "é", "ſ", "ǅ", ":a",
)  # fmt: skip
LINE_BREAKS = ("", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\n\n")
FOLDED = {"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a"}  # what re.IGNORECASE also takes


def header_lines(rng: random.Random) -> str:
    """Lines of header words (random case, some letters replaced by what ``re``'s
    case folding takes for them), paragraph numbers, prose and blank lines."""
    lines = []
    for _ in range(rng.randint(0, 14)):
        word = rng.choice((*HEADER_WORDS, "The talks went on at length and without end today"))
        word = "".join(
            FOLDED.get(ch, ch) if rng.random() < 0.1 else rng.choice((ch, ch.swapcase()))
            for ch in word
        )
        indent = rng.choice(("", " ", "\t ", "", "(", "- "))
        tail = rng.choice(AFTER_WORDS) + rng.choice(AFTER_WORDS)
        lines.append(indent + word + tail + rng.choice(LINE_BREAKS))
    return "".join(lines)


WORDS = (
    "the", "Minister", "said,", "talks", "-", "1.", "¶2.", "é", "Ä", "’", "😀", "x" * 17,
    "\u7fff\u8000\uffffZ",  # around the sign of a 16-bit lane
)  # fmt: skip
GAPS = (" ", " ", " ", "\n", "\t", "\r", "  ", " \n ", "\x0b", "\x1c", "\x85", "\xa0", "\u3000")


def prose_texts(seed: int, count: int) -> list[str]:
    """Long runs of words and whitespace of every kind, mostly single spaces (where the
    word joiner goes 16 or 8 characters at a time), ASCII and not."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = rng.choices(
            WORDS, weights=(9, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 2, 1), k=rng.randint(1, 80)
        )
        gaps = rng.choices(GAPS, weights=(40, 40, 40, 9, 2, 2, 5, 2, 1, 1, 1, 1, 1), k=len(words))
        texts.append(
            rng.choice(("", " ", "\n")) + "".join(w + g for w, g in zip(words, gaps, strict=True))
        )
    return texts


def line_start_kind_python(line: str) -> int:
    """What ``_LINE_START.match`` says of a line, as ``text2_c.line_start_kind``."""
    found = _LINE_START.match(line)
    if found is None:
        return text2_c.NO_MATCH
    return text2_c.PARAGRAPH_LINE if found.lastindex == 1 else text2_c.HEADER_LINE


def assert_same_header(body: str) -> None:
    """The compiled header scan equals its reference on ``body`` and on its lines."""
    lines, prose = _HEADER_SCAN_LINES, _PROSE_LINE
    assert text2_c.header_end(body, lines, prose) == header_end_python(body, lines, prose)
    for line in body.splitlines(keepends=True)[:lines]:
        assert text2_c.line_start_kind(line) == line_start_kind_python(line)


needs_compiled = pytest.mark.skipif(not text.COMPILED, reason="text_c is not built")


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
    assert text.header_end is not header_end_python


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    for body in corpus_bodies():
        prose = drop_signature(strip_header(body))
        starts = [(start, text_start) for start, text_start, _, _ in iter_numbered_starts(prose)]
        ends = [start for start, _ in starts[1:]] + [len(prose)] if starts else []
        assert_same(body, [])
        assert_same_header(body)
        assert list(iter_numbered_starts(prose)) == numbered_starts_by_search(prose)
        spans = [(text_start, end) for (_, text_start), end in zip(starts, ends, strict=True)]
        assert_same(prose, spans)


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


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_header_scan_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        assert_same_header(header_lines(rng))
    for body in generated_texts(seed, 500):
        assert_same_header(body)
    # the scan stops after so many lines, and at running text of so many characters
    assert_same_header("TAGS: X\n" * (_HEADER_SCAN_LINES + 5) + "Text")
    assert_same_header("SIPDIS\n\n" + "x" * (_PROSE_LINE - 2) + "\nTAGS\n\nText")


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_prose(seed: int) -> None:
    rng = random.Random(seed)
    for body in prose_texts(seed, 1500):
        start = rng.randint(0, len(body))
        assert_same(body, [(start, rng.randint(start, len(body))), (rng.randint(0, 20), len(body))])
        stop = rng.randint(0, len(body))
        assert text.ascii_letter_counts(body, stop) == ascii_letter_counts_python(body, stop)
