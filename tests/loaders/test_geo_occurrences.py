"""The compiled substring walk (``occurrences_c``) gives what the pure-Python reference
(one ``str.find`` chain per needle) gives: on every corpus body with the needles the
extractors use, and on generated text built from the pieces the walk decides on
(overlapping needles, needles sharing first characters, capitals after a needle,
non-ASCII text of every width, windows cut anywhere)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from loaders.entities import geo, requests
from loaders.entities.occurrences import (
    COMPILED,
    capitalised_after,
    occurrence_offsets,
    occurs_folded,
    occurs_folded_python,
    offsets_and_capitalised_after,
    offsets_and_capitalised_after_python,
)
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

NEEDLE_SETS = (
    (requests._CUES_AND_FORS, ()),
    (requests._CAPS_CUES_AND_FORS, ()),
    (geo._NOUN_MARKS, geo._PREPOSITIONS),
)
PIECES = (
    " in ", "in", " ", "\n", "\t", "near", " near ", "Kabul", "K", "a", "A", "NATO", "É",
    "é", "\u0101", "İ", "\u212a", "\U0001f600", "request", "REQUEST", "Please", "PLEASE",
    "seek", "ask", "Pleaseek", "x", "province", " Province", "s", "ab", "aba", "FOR ",
    "POST", "Post", "we ", "WE ", "usnato", "mİssion", "Embassy", "²", "٣", "_", "-", "Ka-",
)  # fmt: skip
NEEDLES = (*PIECES, "abab", "\U0001f600a", "ÉK", "x" * 32)

#: How many runs a walk looks for with these needle sets (-1: the walk is not taken).
WalkCount = Callable[[tuple[str, ...], tuple[str, ...]], int]

needs_compiled = pytest.mark.skipif(not COMPILED, reason="occurrences_c is not built")


def test_the_compiled_walk_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    bodies = [strip_header(body) for body in corpus_bodies().values()]
    assert len(bodies) == 633
    for text in bodies:
        for offsets_of, after in NEEDLE_SETS:
            expected = offsets_and_capitalised_after_python(text, offsets_of, after)
            assert offsets_and_capitalised_after(text, offsets_of, after) == expected
        for position in range(0, len(text), 97):
            start = max(0, position - 120)
            expected_found = occurs_folded_python(text, requests._SUBJECTS, start, position)
            assert occurs_folded(text, requests._SUBJECTS, start, position) == expected_found


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 25)))
        offsets_of = tuple(rng.choice(NEEDLES) for _ in range(rng.randint(0, 5)))
        after = tuple(rng.choice(NEEDLES) for _ in range(rng.randint(0, 3)))
        expected = offsets_and_capitalised_after_python(text, offsets_of, after)
        assert offsets_and_capitalised_after(text, offsets_of, after) == expected, repr(text)
        start, end = rng.randint(-5, len(text) + 5), rng.randint(-5, len(text) + 5)
        lowered = tuple({needle.lower() for needle in offsets_of or ("post",)})
        expected_found = occurs_folded_python(text, lowered, start, end)
        assert occurs_folded(text, lowered, start, end) == expected_found, repr(text)


#: Pieces and needles whose rarest pairs are rare enough for the anchored walk.
RARE_PIECES = (
    "qu", "request", "REQUEST", "Please", "FOR ", "FOR\t", "invited", "seek", "aqua", "q",
    "u", " ", "\n", "Kabul", "K", "x", "zz", "z", "Qu", "é", "\u0101", "\U0001f600",
    "\u0101z", "ask", "sk", "uc", " Kq", "Kq", "Zürich", "-", "_", "ab", "QUQU", "ququ",
)  # fmt: skip
RARE_NEEDLES = (
    "qu", "request", "REQUEST", "FOR ", "Please", "invited", "seek", "ask", "zz", "ququ",
    "uqu", "\u0101z", "\U0001f600z", "Kq", " Kq", "QUQU", "FOR\t",
)  # fmt: skip


@needs_compiled
def test_the_request_verbs_take_the_anchored_walk() -> None:
    from loaders.entities.occurrences_c import anchor_pair_count

    assert anchor_pair_count(requests._CUES_AND_FORS, ()) > 0
    assert anchor_pair_count(("qu", "a"), ()) == -1  # a needle without a pair
    assert anchor_pair_count(("qu", "the"), ()) == -1  # a needle without a rare pair


def generated_sets_equal_python(
    seed: int, pieces: tuple[str, ...], needles: tuple[str, ...], most: int, walk_count: WalkCount
) -> int:
    """Texts of up to 40 pieces and sets of up to ``most`` needles (and up to 3 capitalised
    ones): the compiled walk gives what Python gives; how many of the sets take the walk
    whose ``walk_count`` is positive."""
    rng = random.Random(seed)
    taken = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        offsets_of = tuple(rng.choice(needles) for _ in range(rng.randint(0, most)))
        after = tuple(rng.choice(needles) for _ in range(rng.randint(0, 3)))
        expected = offsets_and_capitalised_after_python(text, offsets_of, after)
        assert offsets_and_capitalised_after(text, offsets_of, after) == expected, repr(text)
        taken += walk_count(offsets_of, after) > 0
    return taken


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_the_anchored_walk_equals_python_on_generated_text(seed: int) -> None:
    from loaders.entities.occurrences_c import anchor_pair_count

    assert generated_sets_equal_python(seed, RARE_PIECES, RARE_NEEDLES, 5, anchor_pair_count) > 3000


#: Pieces and needles of four characters or more, most without a rare pair.
QUAD_PIECES = (
    " in ", "in ", " in", "\nin ", " near ", " province", " Province", "s", " ", "\n",
    "Kabul", "K", "a", "NATO", " inin ", "É", "\u0101", "\U0001f600", " \u0101n ", "x",
    "-", " the ", "the", " ", "Ka-", "e", " th",
)  # fmt: skip
QUAD_NEEDLES = (
    " in ", "\nin ", " near ", " province", " Province", " inin", "in i", " the ", "the ",
    " \u0101n ", "\U0001f600 in", "e th",
)  # fmt: skip


@needs_compiled
def test_the_place_nouns_take_the_quad_walk() -> None:
    from loaders.entities.occurrences_c import anchor_pair_count, anchor_quad_count

    assert anchor_pair_count(geo._NOUN_MARKS, geo._PREPOSITIONS) == -1
    assert anchor_quad_count(geo._NOUN_MARKS, geo._PREPOSITIONS) > 0
    assert anchor_quad_count((" in ", "in"), ()) == -1  # a needle of fewer than 4


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_the_quad_walk_equals_python_on_generated_text(seed: int) -> None:
    from loaders.entities.occurrences_c import anchor_quad_count

    assert generated_sets_equal_python(seed, QUAD_PIECES, QUAD_NEEDLES, 4, anchor_quad_count) > 2000


def test_the_helpers_read_one_kind_each() -> None:
    text = "FOR PARIS: Posts in Kabul are requested"
    assert occurrence_offsets(text, ("requested", "FOR ")) == [0, 30]
    assert capitalised_after(text, (" in ",)) == [(20, 25)]


@pytest.mark.parametrize("needle", ["", "x" * 33])
def test_needles_of_1_to_32_characters(needle: str) -> None:
    if COMPILED:
        with pytest.raises(ValueError):
            offsets_and_capitalised_after("text", (needle,), ())
