"""The compiled summary loops (``summary_c``) give what their pure-Python references
(``summary.summary_word_python``, ``summary_folded_python``, ``replace_rulers_python``)
give: on every corpus body from every start, and on generated text (``ummary`` and
``UMMARY`` whole, cut off, in other cases and with ``ſ``, next to non-ASCII letters;
ruler characters in runs of every length; 1- 2- and 4-byte strings). The summary's
start found on the lines holding ``summary`` only is the one a search of every line
finds."""

from __future__ import annotations

import random

import pytest

from loaders.entities import summary
from loaders.entities.summary import (
    _START,
    replace_rulers_python,
    search_line_starts,
    search_summary_start,
    summary_folded_python,
    summary_word_python,
)
from loaders.entities.text import strip_header
from tests.loaders.compiled_texts import corpus_bodies, random_text

try:
    from loaders.entities import summary_c
except ImportError:  # pragma: no cover - a checkout that was never built
    summary_c = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(summary_c is None, reason="summary_c is not built")

PIECES = (
    "ummary", "UMMARY", "Summary", "SUMMARY", "ummar", "UMMAR", "Ummary", "uMMARY", "summ",
    "u", "U", "mary", "MARY", " ", "\n", ".", "é", "’", "😀", "End ", "(END S", "-", "---",
    "----", "=", "==", "_", "*", "**", "-=_*", "ŭ", "Ŭ", "ſummary", "SUMMARY:", "sUmMaRy",
    "1. (C) ", "\n", "\n  ", "\n1. ", "Begin ", "s",
)  # fmt: skip


def assert_same(text: str, spans: list[tuple[int, int]]) -> None:
    assert summary_c is not None
    for start, end in spans:
        found = summary_c.summary_word(text, start, end)
        assert found == summary_word_python(text, start, end), (text, start, end)
        unruled = summary_c.replace_rulers(text, start, end)
        assert unruled == replace_rulers_python(text, start, end), (text, start, end)
        folded = summary_c.summary_folded(text, start)
        assert folded == summary_folded_python(text, start), (text, start)
        if start <= len(text):
            found = search_summary_start(text, start)
            assert found == search_line_starts(text, start, _START), (text, start)


def test_the_compiled_search_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert summary.summary_word is not summary_word_python
    assert summary.replace_rulers is not replace_rulers_python
    assert summary.summary_folded is not summary_folded_python


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    for body in map(strip_header, corpus_bodies()):
        ends = (len(body), len(body) + 20_000)
        spans = [(0, end) for end in ends]
        at = summary_word_python(body, 0, len(body))
        while at >= 0:  # from each occurrence on, as the end marker search goes
            spans += [(at, len(body)), (at + 1, len(body)), (at + 6, at + 20_000)]
            at = summary_word_python(body, at + 6, len(body))
        assert_same(body, spans)


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = random_text(rng, PIECES, 12)
        start = rng.randint(0, len(text) + 2)
        end = rng.choice((len(text), len(text) + 5, rng.randint(0, len(text) + 2)))
        assert_same(text, [(0, len(text)), (start, end)])
