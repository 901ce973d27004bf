"""The compiled capability search (``substrings_c.NeedleSet`` anchored on the pairs
``assets.CAPABILITY_PAIRS``) finds what ``needle in text`` finds: on every corpus
body with the asset phrases, and on generated text (all three string widths, phrases
cut off, repeated, at the ends, in other cases, next to non-ASCII and odd whitespace),
with the asset anchors and with random anchors of random needles."""

from __future__ import annotations

import random

import pytest

from loaders.entities import assets
from loaders.entities.assets import CAPABILITY_NEEDLES, CAPABILITY_PAIRS, capability_anchors
from loaders.entities.substrings import PythonNeedleSet
from loaders.entities.text import strip_header
from tests.loaders.compiled_texts import corpus_bodies, random_text

try:
    from loaders.entities import substrings_c
except ImportError:  # pragma: no cover - a checkout that was never built
    substrings_c = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(substrings_c is None, reason="substrings_c is not built")

PIECES = (
    *CAPABILITY_NEEDLES, "lift", "ft", "rv", "va", "up", "ef", "-I", "IE", "air", "close air",
    "surveillance", "intelligence, ", "medeva", "edevac", "refuel", "missile d", "efense",
    "counter-I", "ED", "MEDEVAC", "Airlift", "AIRLIFT", "a", " ", "\n", "\r", "\x0b", "\x1c",
    "\x85", "\xa0", "\u2028", "\u3000", "é", "’", "😀", "ſ", "K", "İ", "x" * 17, "-", ",",
)  # fmt: skip
REFERENCE = PythonNeedleSet(CAPABILITY_NEEDLES)


def anchored() -> substrings_c.NeedleSet:
    anchors = capability_anchors(CAPABILITY_NEEDLES, CAPABILITY_PAIRS)
    return substrings_c.NeedleSet(CAPABILITY_NEEDLES, anchors)


@needs_compiled
def test_the_compiled_search_is_in_use() -> None:
    assert getattr(assets.capabilities_in, "__self__", None).__class__ is substrings_c.NeedleSet
    assert anchored().pairs == list(CAPABILITY_PAIRS)


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    search = anchored()
    for body in corpus_bodies():
        text = strip_header(body)
        assert search.occurring(text) == REFERENCE.occurring(text)
        assert assets.capabilities_in(text) == REFERENCE.occurring(text)


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    search = anchored()
    for _ in range(4000):
        text = random_text(rng, PIECES, 40)
        assert search.occurring(text) == REFERENCE.occurring(text), text


@needs_compiled
@pytest.mark.parametrize("seed", range(2))
def test_random_needles_and_anchors(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ("a", "b", "ab", "ba", "é", "-", "\xa0", " ")
    for _ in range(2000):
        needles = list(
            dict.fromkeys(random_text(rng, alphabet, 5) for _ in range(rng.randint(1, 8)))
        )
        needles = [needle for needle in needles if len(needle) >= 2] or ["ab"]
        anchors = [rng.randrange(len(needle) - 1) for needle in needles]
        search = substrings_c.NeedleSet(needles, anchors)
        for text in (random_text(rng, (*alphabet, "😀", "ĉ"), 30) for _ in range(4)):
            expected = [needle for needle in needles if needle in text]
            assert search.occurring(text) == expected, (needles, anchors, text)


@needs_compiled
@pytest.mark.parametrize(
    ("needles", "anchors"),
    [([], []), (["a"], [0]), (["ab"], [1]), (["ab"], []), (["ĉa"], [0]), (["x" * 65], [0])],
)
def test_needles_out_of_range_are_refused(needles: list[str], anchors: list[int]) -> None:
    with pytest.raises(ValueError):
        substrings_c.NeedleSet(needles, anchors)
