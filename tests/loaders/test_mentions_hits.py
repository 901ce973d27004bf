"""The compiled hit collector (``hits_c``) gives what the pure-Python reference gives:
on every corpus body, on generated text, with a small table that is emptied when full,
and its hits are the named tuple the consumers read."""

from __future__ import annotations

import random

import pytest

from loaders.entities import _KEEP
from loaders.entities.lexicon import (
    COMPILED_HITS,
    FLAG_WORDS,
    Hit,
    collect_hits_python,
    iter_hits,
    match_words,
)
from loaders.entities.scan import scan_segments
from loaders.entities.segment_filters import indices_naming_any_python
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import CABLEGATE, read_body
from tests.loaders.test_scan_compiled import PIECES

KEEP = frozenset(_KEEP)
MORE = ("South", "African", "NATO", "ISAF", "U.N.", "Security", "Council", "G-8", "Chinook")


def test_the_compiled_collector_is_built() -> None:
    assert COMPILED_HITS is not None


def test_compiled_equals_python_on_the_corpus() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        segments = scan_segments(strip_header(read_body(path)), KEEP)
        expected = collect_hits_python(segments)
        assert list(iter_hits(segments)) == expected == list(iter_hits(segments)), path.name
        checked += 1
    assert checked == 633


@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    from loaders.entities.hits_c import HitCollector

    small = HitCollector(match_words, Hit, limit=3)
    rng = random.Random(seed)
    for _ in range(3000):
        text = " ".join(rng.choice(PIECES + MORE) for _ in range(rng.randint(1, 30)))
        segments = scan_segments(text, KEEP)
        expected = collect_hits_python(segments)
        assert list(iter_hits(segments)) == expected, repr(text)
        assert small.collect(segments) == expected, repr(text)
        assert len(small) <= 3


def test_the_hits_are_the_named_tuple() -> None:
    (hit,) = iter_hits(scan_segments("the NATO-led force", KEEP))
    assert type(hit) is Hit
    assert (hit.entry.key, hit.segment.words, hit.first, hit.width) == ("NATO", ("NATO-led",), 0, 1)


def test_a_hit_type_that_is_not_a_four_field_named_tuple_is_refused() -> None:
    from loaders.entities.hits_c import HitCollector

    for wrong in (tuple, list, Hit.__base__, int):
        with pytest.raises(TypeError):
            HitCollector(match_words, wrong)
    with pytest.raises(ValueError):
        HitCollector(match_words, Hit, limit=0)
    with pytest.raises(ValueError):
        HitCollector.__new__(HitCollector).collect([])  # never initialised: no table


def test_the_flagged_segments_are_those_naming_a_flag_word() -> None:
    from loaders.entities.hits_c import HitCollector

    small = HitCollector(match_words, Hit, limit=5, flag_words=FLAG_WORDS)
    assert COMPILED_HITS is not None
    rng = random.Random(9)
    bodies = [strip_header(read_body(path)) for path in sorted(CABLEGATE.glob("*.html"))]
    texts = bodies + [
        " ".join(rng.choice(PIECES + MORE) for _ in range(rng.randint(1, 30))) for _ in range(3000)
    ]
    for text in texts:
        segments = scan_segments(text, KEEP)
        expected = indices_naming_any_python(segments, FLAG_WORDS)
        for collector in (COMPILED_HITS, small):
            assert collector.flagged(segments) == expected, repr(text)  # words read
            collector.collect(segments)
            assert collector.flagged(segments) == expected, repr(text)  # from the table
    assert HitCollector(match_words, Hit).flagged(scan_segments("Mr. Sato", KEEP)) == []


def test_flagged_segments_after_the_collected_list_changed() -> None:
    assert COMPILED_HITS is not None
    segments = scan_segments("Mr. Sato met NATO and Foreign Minister Koumura in Japan.", KEEP)
    COMPILED_HITS.collect(segments)
    assert COMPILED_HITS.flagged(segments) == indices_naming_any_python(segments, FLAG_WORDS)
    for changed in (segments[::-1], segments[1:], [*segments[:-1], segments[0]], []):
        expected = indices_naming_any_python(changed, FLAG_WORDS)
        assert COMPILED_HITS.flagged(changed) == expected  # not the list collected
    COMPILED_HITS.collect(segments)
    segments.reverse()  # the same list, changed in place
    assert COMPILED_HITS.flagged(segments) == indices_naming_any_python(segments, FLAG_WORDS)
    COMPILED_HITS.collect(segments)
    expected = indices_naming_any_python(segments, FLAG_WORDS)
    assert COMPILED_HITS.flagged(segments) == expected == COMPILED_HITS.flagged(segments)


def test_a_flag_word_inside_a_longer_form_is_noted() -> None:
    assert COMPILED_HITS is not None
    for text in (
        "the United Nations General Assembly met",
        "The UN High Commissioner for Refugees and the International Court of Justice",
        "UNITED NATIONS GENERAL ASSEMBLY",
    ):
        segments = scan_segments(text, KEEP)
        COMPILED_HITS.collect(segments)
        expected = indices_naming_any_python(segments, FLAG_WORDS)
        assert expected and COMPILED_HITS.flagged(segments) == expected, text
