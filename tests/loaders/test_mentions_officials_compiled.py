"""The compiled mention reader (``officials_c.MentionReader``) gives what
``officials_mentions.read_segment_mentions`` gives: on every corpus segment (as written and in
capitals) and on generated words; its merge gives what ``merge_officials`` gives."""

from __future__ import annotations

import random

from loaders.entities import _KEEP
from loaders.entities.officials import _READ_MENTIONS, _READER, read_segment_mentions
from loaders.entities.officials_merge import merge_officials, name_words
from loaders.entities.scan import scan_segments
from loaders.entities.scan_words import ABBREVIATIONS
from loaders.entities.title_words import HONORIFICS, NAME_PARTICLES, TITLE_HEADS, TITLE_MODIFIERS
from loaders.record import Official
from tests.loaders.test_entities_corpus import CABLEGATE, read_body
from tests.loaders.test_scan_compiled import PIECES

KEEP = frozenset(_KEEP)
WORDS = (
    *(word for word in PIECES if word.strip()),
    *ABBREVIATIONS, *HONORIFICS, *NAME_PARTICLES, *sorted(TITLE_HEADS)[:40],
    *sorted(TITLE_MODIFIERS)[:40], "of", "for", "and", "Koumura", "KOUMURA", "J.", "U.S.",
    "Japanese", "OSD", "GOJ", "NATO", "Defense", "Ki-moon", "O'Brien", "SAID", "Embassy",
    "June", "Wardak.", "Bush's", "Jones'", "Ab", "AB", "É", "Élise", "ÉLISE", "x", "",
)  # fmt: skip


def same(words: tuple[str, ...]) -> None:
    for all_caps in (False, True):
        expected = read_segment_mentions(words, all_caps)
        assert _READ_MENTIONS(words, all_caps) == expected, (words, all_caps)


def test_the_compiled_reader_is_built() -> None:
    assert _READ_MENTIONS is not read_segment_mentions


def test_compiled_equals_python_on_the_corpus_segments() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        body = read_body(path)
        for segment in (*scan_segments(body, KEEP), *scan_segments(body.upper(), KEEP)):
            same(segment.words)
            checked += 1
    assert checked > 10_000


def test_compiled_equals_python_on_generated_words() -> None:
    rng = random.Random(5)
    for _ in range(30_000):
        same(tuple(rng.choice(WORDS) for _ in range(rng.randint(1, 9))))


def same_merge(officials: list[Official]) -> None:
    assert _READER is not None
    merged = _READER.merge(officials, name_words)
    expected = merge_officials(officials)
    assert merged == expected, officials
    assert [type(official) for official in merged] == [Official] * len(expected)


def test_compiled_merge_equals_python_on_the_corpus() -> None:
    for path in sorted(CABLEGATE.glob("*.html")):
        body = read_body(path)
        for all_caps in (False, True):
            segments = scan_segments(body.upper() if all_caps else body, KEEP)
            same_merge(
                [m.official for s in segments for m in read_segment_mentions(s.words, all_caps)]
            )


def test_compiled_merge_equals_python_on_generated_officials() -> None:
    rng = random.Random(11)
    names = ("Koumura", "Masahiko", "KOUMURA", "Jason", "Hamm", "Ban", "Ki-moon", "J.", "")
    titles = (None, "", "Minister", "Foreign Minister", "Director", "Prime Minister")
    affiliations = (None, "", "Japan", "OSD", "NATO")
    for _ in range(5000):
        same_merge(
            [
                Official(
                    name=" ".join(rng.choice(names) for _ in range(rng.randint(1, 3))),
                    title=rng.choice(titles),
                    affiliation=rng.choice(affiliations),
                )
                for _ in range(rng.randint(0, 12))
            ]
        )
