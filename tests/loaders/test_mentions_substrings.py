"""The compiled needle search (``substrings_c``) finds what ``needle in text`` finds: on
every corpus body with the asset needles, and on generated text (all three string
widths, needles at the ends, overlapping and repeated needles, characters that collide
in its hashed character pairs)."""

from __future__ import annotations

import random

import pytest

from loaders.entities.assets import CAPABILITY_NEEDLES
from loaders.entities.substrings import COMPILED, NeedleSet, PythonNeedleSet
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import CABLEGATE, read_body

PIECES = (
    "lift", "li", "ft", "airlift", "medevac", "med", "evac", "refuel", "refueling", "close",
    " air", "close air", "counter-IED", "counter", "-IED", "missile d", "missile", "recon",
    "reconnaissance", "a", "aa", "aaa", "ab", " ", "\n", "é", "’", "\u2019", "\U0001f600",
    "ì", "\u0169", "ᄀ", "l\u0169ft", "Lift", "LIFT",
)  # fmt: skip
NEEDLES = (
    "lift", "aa", "aaa", "close air", "counter-IED", "é’", "ab", "\U0001f600x", "ì", "\u0169t",
)  # fmt: skip


def test_the_compiled_search_is_built() -> None:
    assert COMPILED


def test_compiled_equals_python_on_the_corpus() -> None:
    compiled = NeedleSet(CAPABILITY_NEEDLES)
    reference = PythonNeedleSet(CAPABILITY_NEEDLES)
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        text = strip_header(read_body(path))
        assert compiled.occurring(text) == reference.occurring(text), path.name
        checked += 1
    assert checked == 633


@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        needles = rng.sample(NEEDLES + PIECES[:20], rng.randint(1, 12))
        needles = [n for n in dict.fromkeys(needles) if len(n) >= 2] or ["aa"]
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        expected = PythonNeedleSet(needles).occurring(text)
        assert NeedleSet(needles).occurring(text) == expected, (needles, text)


@pytest.mark.parametrize("needles", [[], ["a"], ["x" * 65], ["ab"] * 65])
def test_needles_out_of_range_are_refused(needles: list[str]) -> None:
    for needle_set in (NeedleSet, PythonNeedleSet):
        with pytest.raises(ValueError):
            needle_set(needles)


def test_a_needle_set_never_initialised_is_refused() -> None:
    with pytest.raises(ValueError):
        NeedleSet.__new__(NeedleSet).occurring("an airlift")


@pytest.mark.parametrize("seed", range(2))
def test_more_anchor_pairs_than_the_block_search_holds(seed: int) -> None:
    # 20 needles on 20 distinct pairs: the compiled search falls back to Wu-Manber.
    rng = random.Random(seed)
    needles = [f"q{chr(97 + k)}" for k in range(20)]
    for _ in range(500):
        pieces = [*needles, "x", "q", " ", "é", "\u2019", "\U0001f600"]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert NeedleSet(needles).occurring(text) == PythonNeedleSet(needles).occurring(text)


@pytest.mark.parametrize("wide", ["", "\u0101", "\u2019", "\uffff", "\U0001f600"])
def test_needles_at_every_offset_of_every_width(wide: str) -> None:
    # Each needle at every offset of a text wider than one block, around each width.
    for needle in CAPABILITY_NEEDLES:
        for at in range(0, 70):
            text = "x" * at + needle + "y" * (40 - at % 40) + wide
            expected = PythonNeedleSet(CAPABILITY_NEEDLES).occurring(text)
            assert NeedleSet(CAPABILITY_NEEDLES).occurring(text) == expected, (needle, at)
            assert needle in expected
