"""The compiled ``find`` of the officials (``officials_c.MentionReader.find``) gives what
``officials.find_officials_python`` gives: on every corpus body (as written and in
capitals) and on generated text with titles, names and appositives."""

from __future__ import annotations

import random

from loaders.entities import _KEEP
from loaders.entities.lexicon import collect_hits
from loaders.entities.officials import (
    _FLAGGED,
    _READER,
    compiled_reader,
    find_officials,
    find_officials_python,
    iter_segment_mentions,
)
from loaders.entities.officials_merge import name_words
from loaders.entities.scan import scan_segments
from loaders.entities.text import strip_header
from tests.loaders.compiled_texts import corpus_bodies
from tests.loaders.test_entities_corpus import CABLEGATE, read_body
from tests.loaders.test_scan_compiled import PIECES

KEEP = frozenset(_KEEP)
MORE = (
    "Foreign", "Minister", "Koumura", "Dr.", "Jason", "Hamm", "OSD", "Country", "Director",
    "for", "Japan", "Japanese", ", ", ",", " , ", ",,", ",\n", ", ,", "Mr.", "Tanaka",
    "Embassy", "Affairs", "Office", "State", "Political-Military", "of", "Defense",
    "Wardak", "President", "Bush", "Ministry", "NATO", "KOUMURA", "Ms.", "General",
    "\u2009,\u3000", ",\x85", "𝐀", "Ñ𝐀",
)  # fmt: skip


def same(text: str, all_caps: bool) -> None:
    segments = scan_segments(text, KEEP)
    expected = find_officials_python(text, segments, all_caps)
    assert find_officials(text, segments, all_caps) == expected, (text, all_caps)
    assert find_officials(text, tuple(segments), all_caps) == expected, (text, all_caps)
    collect_hits(segments)  # the collector now holds the segments and their flags
    assert find_officials(text, segments, all_caps) == expected, (text, all_caps)


def test_the_compiled_find_is_built() -> None:
    assert _READER is not None
    assert _FLAGGED is not None


def test_compiled_equals_python_on_the_corpus() -> None:
    for body in map(strip_header, corpus_bodies()):
        for all_caps in (False, True):
            same(body.upper() if all_caps else body, all_caps)
        same(body, True)


def test_compiled_equals_python_on_generated_text() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        text = " ".join(rng.choice(PIECES + MORE) for _ in range(rng.randint(1, 25)))
        same(text, rng.random() < 0.3)


def test_a_small_mention_table_gives_the_same_and_follows_the_collector() -> None:
    assert _FLAGGED is not None
    small = compiled_reader(table_limit=3)
    assert small is not None
    rng = random.Random(3)
    for path in sorted(CABLEGATE.glob("*.html"))[::5]:
        body = strip_header(read_body(path))
        for all_caps in (False, True):
            segments = scan_segments(body, KEEP)
            titled = _FLAGGED.flagged(segments)
            for _ in range(2):  # read, then (what the small table kept) remembered
                found = small.find(
                    body, segments, all_caps, iter_segment_mentions, name_words, titled, 7
                )
                assert found == find_officials_python(body, segments, all_caps), path.name
                assert len(small.table) <= 3
    text = " ".join(rng.choice(MORE) for _ in range(40))
    segments = scan_segments(text, KEEP)
    small.find(text, segments, False, iter_segment_mentions, name_words, None, 7)
    assert len(small.table) > 0 and small.table.generation == 7
    small.find(text, [], False, iter_segment_mentions, name_words, None, 8)
    assert len(small.table) == 0 and small.table.generation == 8  # emptied: a new generation


def test_emptying_the_caches_empties_the_mention_table() -> None:
    from loaders.entities import clear_caches

    assert _READER is not None
    text = "Foreign Minister Koumura met Mr. Tanaka."
    find_officials(text, scan_segments(text, KEEP))
    assert len(_READER.table) > 0
    clear_caches()
    find_officials(text, [])
    assert len(_READER.table) == 0
