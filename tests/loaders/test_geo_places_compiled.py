"""The compiled walk of the place marks (``places_c``) gives what the pure-Python
reference (``geo.marked_words_python``: one ``str.find`` chain per needle, then the
lone-word test) gives: on every corpus body, and on generated text built from the
pieces the walk decides on (needles cut short, overlapping, in other cases, capitals
and odd whitespace after them, text of every width, needles at the very end)."""

from __future__ import annotations

import random

import pytest

from loaders.entities import geo
from loaders.entities.lexicon import collect_hits
from loaders.entities.scan import scan_segments
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

needs_compiled = pytest.mark.skipif(not geo.COMPILED_MARKS, reason="places_c is not built")

PIECES = (
    " in ", " in", "in ", "in", " ", "\n", "\nin ", "\nin", " near ", " near", "near ", " nea",
    " province", " Province", " provinces", " district", " District", " districts", " PROVINCE",
    " prov", " dist", " pro", " dis", " In ", " IN ", " Near ", " NEAR ", "\r", "\t", "\x0b",
    "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "Kabul", "Kabul-e", "K", "Ka", "a", "x",
    "New", "York", "N", "é", "É", "İ", "ǅ", "ſ", "\u212a", "\u0101", "٣", "_", "-", ",", "ß",
    "\U0001f600", "\U0001d400", "Helmand", "Daykundi", " or ", " and ", "Zürich",
)  # fmt: skip


def test_the_compiled_walk_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert geo.COMPILED_MARKS


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    bodies = [strip_header(body) for body in corpus_bodies().values()]
    assert len(bodies) == 633
    for text in bodies:
        for variant in (text, text + "\u0101", text + "\U0001f600", text[: len(text) // 2]):
            assert geo.marked_words(variant) == geo.marked_words_python(variant)


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        found = geo.marked_words(text)
        assert found == geo.marked_words_python(text), repr(text)
        assert all(type(word) is str for _, word in found[1])


@needs_compiled
def test_the_walk_finds_what_it_should() -> None:
    # the blocks of 16 and the tail: needles at every offset of a long text
    for pad in range(40):
        for wide in ("", "\u0101", "\U0001f600"):
            text = wide + "x" * pad + " in Kabul, near Herat; Nimruz provinces"
            assert geo.marked_words(text) == geo.marked_words_python(text)
            assert [word for _, word in geo.marked_words(text)[1]] == ["Kabul", "Herat"]
    assert geo.marked_words(" in in Kabul") == ([], [])  # " in " overlapping its last one
    assert geo.marked_words("") == ([], [])
    with pytest.raises(TypeError):
        geo.marked_words(None)  # type: ignore[arg-type]


def test_find_places_is_the_same_with_the_python_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = [strip_header(body) for body in corpus_bodies().values()]
    texts_hits = [(text, collect_hits(scan_segments(text))) for text in bodies[::3]]
    found = [geo.find_places(text, hits) for text, hits in texts_hits]
    monkeypatch.setattr(geo, "marked_words", geo.marked_words_python)
    assert found == [geo.find_places(text, hits) for text, hits in texts_hits]


@needs_compiled
def test_place_names_compiled_equals_python() -> None:
    from loaders.entities.lexicon import Entry, EntryKind, Hit
    from loaders.entities.scan import Segment

    for body in list(corpus_bodies().values())[::2]:
        hits = collect_hits(scan_segments(strip_header(body)))
        for kind in (EntryKind.PLACE, EntryKind.COUNTRY):
            assert geo.place_names(hits, kind) == geo.place_names_python(hits, kind)
            assert geo.place_names(iter(hits), kind) == geo.place_names_python(hits, kind)
    segment = Segment(0, 5, ("Kabul",), "Kabul")
    entries = [
        Entry(EntryKind.PLACE, "KBL", "Kabul"),
        Entry(EntryKind.COUNTRY, "AF", "Afghanistan"),
    ]
    rng = random.Random(7)
    for _ in range(2000):
        hits = [Hit(rng.choice(entries), segment, 0, 1) for _ in range(rng.randint(0, 9))]
        assert geo.place_names(hits, EntryKind.PLACE) == geo.place_names_python(
            hits, EntryKind.PLACE
        )
    with pytest.raises(TypeError):
        geo.place_names([("not a hit",)], EntryKind.PLACE)  # type: ignore[list-item]
