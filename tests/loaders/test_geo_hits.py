"""The compiled hit pickers (``geo_hits_c``) give what the pure-Python references in
``geo.py`` give: on the lexicon hits of every corpus body, and on generated hit lists
(entries repeated, equal but distinct entries, several entries sharing a key)."""

from __future__ import annotations

import random

import pytest

from loaders.entities import geo
from loaders.entities.lexicon import Entry, EntryKind, Hit, collect_hits
from loaders.entities.scan import Segment, scan_segments
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

needs_compiled = pytest.mark.skipif(not geo.COMPILED_KINDS, reason="geo_hits_c is not built")


def test_the_compiled_pickers_are_built() -> None:
    assert geo.COMPILED_KINDS


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    bodies = [strip_header(body) for body in corpus_bodies().values()]
    assert len(bodies) == 633
    for text in bodies:
        hits = collect_hits(scan_segments(text))
        for kind in EntryKind:
            assert geo.hits_of_kind(hits, kind) == geo.hits_of_kind_python(hits, kind)
            found = geo.entries_of_kind(hits, kind)
            expected = geo.entries_of_kind_python(hits, kind)
            assert found == expected
            assert all(a is b for a, b in zip(found, expected, strict=True))


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_hits(seed: int) -> None:
    rng = random.Random(seed)
    segment = Segment(0, 5, ("Japan",), "Japan")
    entries = [
        Entry(kind, key, name)
        for kind in (EntryKind.COUNTRY, EntryKind.PLACE)
        for key in ("JA", "FR")
        for name in ("Japan", "France")
    ]
    entries += [Entry(entry.kind, entry.key, entry.name) for entry in entries]  # equal copies
    for _ in range(2000):
        hits = [Hit(rng.choice(entries), segment, 0, 1) for _ in range(rng.randint(0, 12))]
        for kind in (EntryKind.COUNTRY, EntryKind.PLACE, EntryKind.ASSET):
            assert geo.hits_of_kind(iter(hits), kind) == geo.hits_of_kind_python(hits, kind)
            found = geo.entries_of_kind(iter(hits), kind)
            expected = geo.entries_of_kind_python(hits, kind)
            assert [id(entry) for entry in found] == [id(entry) for entry in expected]


@needs_compiled
def test_what_is_not_a_hit_is_refused() -> None:
    for picker in (geo.hits_of_kind, geo.entries_of_kind):
        with pytest.raises(TypeError):
            picker([("not a hit",)], EntryKind.COUNTRY)  # type: ignore[list-item]
        with pytest.raises(TypeError):
            picker([()], EntryKind.COUNTRY)  # type: ignore[list-item]


def test_find_places_reads_as_iter_marked_places_on_the_corpus() -> None:
    # find_places walks once and builds one list; iter_marked_places is its plain form.
    for body in corpus_bodies().values():
        text = strip_header(body)
        hits = collect_hits(scan_segments(text))
        known = [hit.entry.name for hit in hits if hit.entry.kind is EntryKind.PLACE]
        marked = [name for _, name in sorted(geo.iter_marked_places(text))]
        assert geo.find_places(text, hits) == tuple(dict.fromkeys([*known, *marked]))


LONE_PIECES = (
    "in", " ", "\n", "\u2003", "\x1c", "Kabul", "K", "a", "É", "é", "İ", "ǅ", "\u0101",
    "\U0001f600", "New", "York", ",", "x",
)  # fmt: skip


@needs_compiled
def test_lone_words_compiled_equals_python_on_the_corpus() -> None:
    from loaders.entities.occurrences import capitalised_after

    for body in corpus_bodies().values():
        text = strip_header(body)
        spans = capitalised_after(text, (" in ", "\nin ", " near "))
        assert geo.lone_words(text, spans) == geo.lone_words_python(text, spans)


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_lone_words_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(LONE_PIECES) for _ in range(rng.randint(0, 20)))
        spans = []
        for _ in range(rng.randint(0, 5)):
            start = rng.randint(0, len(text))
            spans.append((start, rng.randint(start, len(text))))
        assert geo.lone_words(text, spans) == geo.lone_words_python(text, spans), text


@needs_compiled
def test_lone_words_refuses_spans_outside_the_text() -> None:
    with pytest.raises(ValueError):
        geo.lone_words("in Kabul", [(3, 9)])
    with pytest.raises(TypeError):
        geo.lone_words("in Kabul", [(3,)])  # type: ignore[list-item]
