"""The compiled ``find`` of the officials (``officials_c.MentionReader.find``) gives what
``officials.find_officials_python`` gives: on every corpus body (as written and in
capitals) and on generated text with titles, names and appositives."""

from __future__ import annotations

import random

from loaders.entities import _KEEP
from loaders.entities.lexicon import collect_hits
from loaders.entities.officials import _FLAGGED, _READER, find_officials, find_officials_python
from loaders.entities.scan import scan_segments
from loaders.entities.text import strip_header
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
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        body = strip_header(read_body(path))
        for all_caps in (False, True):
            same(body.upper() if all_caps else body, all_caps)
        same(body, True)
        checked += 1
    assert checked == 633


def test_compiled_equals_python_on_generated_text() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        text = " ".join(rng.choice(PIECES + MORE) for _ in range(rng.randint(1, 25)))
        same(text, rng.random() < 0.3)
