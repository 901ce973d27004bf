"""The compiled scanner (``scan_c``) walks each character width with its own loop and
skips lower-case stretches eight bytes at a time: it gives what the pure-Python
reference gives on text of every width (1, 2 and 4 bytes a character), with capitals at
every offset of a long stretch, with characters whose low bits look like A-Z (``Á``
0xC1, ``Ł`` U+0141, ``聁`` U+8041), and with a small table that fills and empties."""

from __future__ import annotations

import random

import pytest

from loaders.entities import _KEEP
from loaders.entities.scan import (
    ABBREVIATIONS,
    COMPILED,
    SENTENCE_STARTS,
    Segment,
    scan_kept_python,
    scan_segments,
)
from loaders.entities.scan_pattern import lone_word_keep

KEEP = frozenset(_KEEP)
LONE = lone_word_keep(KEEP)
COMMON = (
    "Japan", "Japan.", "U.S.", "Dr.", "The", "of", "da", "and", " ", "  ", "\t", "\n",
    " \n ", ". ", "-", "'", "Foreign", "Minister", "Koumura", "NATO-led", "a", "x", "1",
    "Japan's", "Ministry", "Defense", "A/S", "said", "the talks", "Z", "_", "&",
)  # fmt: skip
WIDTH_PIECES = {
    1: ("Á", "Ú", "Ñ", "é", "\u00a0", "µ", "ª", "Ápex", "Zürich", "\xff", "\x80"),
    2: ("Ł", "Łódź", "’", "Ａ", "聁", "\u0141x", "Ǆ", "٣", "Ｚurich"),
    4: ("𝐀", "𝐀bc", "😀", "\U0001f600", "𝟏", "Japan𝐀"),
}  # fmt: skip

needs_compiled = pytest.mark.skipif(not COMPILED, reason="scan_c is not built (pip install -e .)")


def width(text: str) -> int:
    top = max(map(ord, text), default=0)
    return 1 if top < 256 else 2 if top < 65536 else 4


def generated(rng: random.Random, size: int) -> str:
    kind = rng.choice((1, 2, 4))
    pieces = COMMON + WIDTH_PIECES[kind] * 2
    while True:
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, size)))
        if kind == 1 or width(text) == kind:
            return text


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_every_width_gives_the_reference(seed: int) -> None:
    rng = random.Random(100 + seed)
    widths = set()
    for _ in range(4000):
        text = generated(rng, 40)
        widths.add(width(text))
        assert scan_segments(text, KEEP) == scan_kept_python(text, KEEP, LONE), repr(text)
    assert widths == {1, 2, 4}


@needs_compiled
@pytest.mark.parametrize("pad", ["a", "\u0141", "\U0001d41a", "Á"])
def test_a_capital_at_every_offset_of_a_long_stretch(pad: str) -> None:
    for offset in range(40):
        for run in ("Japan", "Foreign Minister Koumura", "NATO-led", "Z"):
            text = "x" * offset + pad * (offset % 5) + " " + run + " said" + pad * offset
            assert scan_segments(text, KEEP) == scan_kept_python(text, KEEP, LONE), repr(text)


@needs_compiled
def test_a_small_table_of_every_width_is_emptied_and_gives_the_same() -> None:
    from loaders.entities.scan_c import KeptScanner

    scanner = KeptScanner(KEEP, LONE, ABBREVIATIONS, SENTENCE_STARTS, Segment, capacity=16)
    rng = random.Random(11)
    for _ in range(3000):
        text = generated(rng, 30)
        assert scanner.scan(text) == scan_kept_python(text, KEEP, LONE), repr(text)
        assert len(scanner) <= 8


@needs_compiled
def test_a_run_seen_in_one_width_is_found_in_another() -> None:
    # The table stores a run's characters, not its width: a run read in an ASCII
    # text is found again in a text of 2 or 4 bytes a character, and the other way.
    from loaders.entities.scan_c import KeptScanner

    scanner = KeptScanner(KEEP, LONE, ABBREVIATIONS, SENTENCE_STARTS, Segment)
    texts = [
        "met Foreign Minister Koumura in Japan.",
        "\u0141 met Foreign Minister Koumura in Japan.",
        "\U0001d41a met Foreign Minister Koumura in Japan.",
        "met Zürich Ministry of Defense",
        "\u0141 met Zürich Ministry of Defense",
    ]
    for text in texts + texts[::-1]:
        assert scanner.scan(text) == scan_kept_python(text, KEEP, LONE), repr(text)
    stored = len(scanner)
    for text in texts:
        scanner.scan(text)
    assert len(scanner) == stored


@needs_compiled
def test_runs_filling_several_chunks_are_found_again() -> None:
    # The table cuts its runs' blocks from chunks of 2 MiB: 40,000 runs of ~100 bytes
    # fill three, and every run is found again with what it gave.
    from loaders.entities.scan_c import KeptScanner

    scanner = KeptScanner(KEEP, LONE, ABBREVIATIONS, SENTENCE_STARTS, Segment)
    texts = [f"met Japan Minister N{i:06d}{'x' * 40} and Z{i} said" for i in range(40000)]
    first = [scanner.scan(text) for text in texts]
    assert len(scanner) == len(texts)  # the Japan runs (the lone Z words are filtered out)
    for index, text in enumerate(texts):
        if index % 97 == 0:
            assert first[index] == scan_kept_python(text, KEEP, LONE), text
        assert scanner.scan(text) == first[index]
    assert len(scanner) == len(texts)
