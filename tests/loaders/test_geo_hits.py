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
