"""The compiled capitalised-run scanner (``scan_c``) gives what the pure-Python
reference gives: on every corpus body and header, and on generated text built from the
pieces the scanner decides on (connectors, sentence ends, abbreviations, line breaks,
tabs, non-ASCII letters and digits, possessives, hyphens)."""

from __future__ import annotations

import random

import pytest

from loaders.entities import _KEEP
from loaders.entities.scan import (
    ABBREVIATIONS,
    COMPILED,
    SENTENCE_STARTS,
    Segment,
    compiled_scanner,
    scan_kept_python,
    scan_segments,
)
from loaders.entities.scan_pattern import lone_word_keep
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import CABLEGATE, read_body

KEEP = frozenset(_KEEP)
LONE = lone_word_keep(KEEP)
PIECES = (
    "Japan", "Japan.", "JAPAN", "U.S.", "Dr.", "Mr.", "J.", "The", "THE", "of", "for", "da",
    "del", "dos", "do", "and", "y", "ofx", "from", " ", "  ", "\t", "\n", " \n ", "\n\n",
    ".", ". ", "-", "'", "’", "É", "é", "²", "٣", "_", "Foreign", "Minister", "Koumura",
    "NATO-led", "CH-47", "a", "x", "\u00a0", "\r", "/", "&", "1", "Ab.", "Z", "Japan's",
    "Ministry", "Defense", "A/S", "Lula",
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not COMPILED, reason="scan_c is not built (pip install -e .)")


def test_the_compiled_scanner_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be 3x slower.
    assert COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        text = strip_header(read_body(path))
        assert scan_segments(text, KEEP) == scan_kept_python(text, KEEP, LONE), path.name
        checked += 1
    assert checked == 633


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert scan_segments(text, KEEP) == scan_kept_python(text, KEEP, LONE), repr(text)


@needs_compiled
def test_a_run_seen_before_gives_what_it_gave() -> None:
    # The runs are remembered: a second scan reads them from the table, a cleared
    # table reads them again, and both equal the reference.
    scanner = compiled_scanner(KEEP)
    for path in sorted(CABLEGATE.glob("*.html"))[:50]:
        text = strip_header(read_body(path))
        expected = scan_kept_python(text, KEEP, LONE)
        assert scanner.scan(text) == expected == scanner.scan(text), path.name
        scanner.clear()
        assert len(scanner) == 0
        assert scanner.scan(text) == expected, path.name


@needs_compiled
def test_a_small_table_is_emptied_when_full_and_gives_the_same() -> None:
    from loaders.entities.scan_c import KeptScanner

    scanner = KeptScanner(KEEP, LONE, ABBREVIATIONS, SENTENCE_STARTS, Segment, capacity=8)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert scanner.scan(text) == scan_kept_python(text, KEEP, LONE), repr(text)
        assert len(scanner) <= 4
    for capacity in (0, 3, 12):
        with pytest.raises(ValueError):
            KeptScanner(KEEP, LONE, ABBREVIATIONS, SENTENCE_STARTS, Segment, capacity=capacity)
    with pytest.raises(ValueError):
        KeptScanner.__new__(KeptScanner).scan("Foreign Minister Koumura")  # no table


def test_the_segments_are_the_named_tuple() -> None:
    (segment,) = scan_segments("met Foreign Minister Koumura", KEEP)
    assert (segment.start, segment.end, segment.words) == (
        4,
        28,
        ("Foreign", "Minister", "Koumura"),
    )
    assert type(segment).__name__ == "Segment"
