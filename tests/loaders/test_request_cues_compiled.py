"""The compiled cue walk (``request_cues_c.needle_offsets``, an AVX2 shuffle filter)
gives what the pure-Python reference (one ``str.find`` chain per needle) gives: on every
corpus body with the request needles, and on generated text of every width built from
the pieces the filter and the comparison decide on (needles cut anywhere, overlapping
needles, characters whose halves are a needle character's, characters above 255 that
pack to 255, text around the 32-character blocks and the 34-character tail)."""

from __future__ import annotations

import random

import pytest

from loaders.entities.occurrences import offsets_and_capitalised_after_python
from loaders.entities.request_cues import (
    CAPS_CUES_AND_FORS,
    COMPILED,
    CUES_AND_FORS,
    cues_and_fors,
    needle_offsets,
)
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

NEEDLE_SETS = (
    CUES_AND_FORS,
    CAPS_CUES_AND_FORS,
    ("aba", "abab", "bab"),  # overlapping, themselves and each other
    ("ask", "as", "x"),  # under three characters: the fallback walk
    ("request", "Éxyz"),  # a character above 127
    ("ĀBC", "request"),  # a character above 255: the fallback walk
    tuple(f"n{k:02d}z" for k in range(20)),  # more needles than buckets
)
PIECES = (
    "request", "REQUEST", "requested", "reques", "Please", "PLEASE", "Pleas", "instruct",
    "ask", "as", "encourag", "authoriz", "appreciat", "invited", "seek", "seeek", "FOR ",
    "FOR\t", "FOR", "FO", " ", "\n", "\t", "\r", "\x0b", "\x85", "\xa0", "\u2028", "\u3000",
    "a", "x", "q", "u", "e", "r", "É", "é", "ÿ", "\u0101", "\u0171", "\u0165", "\u7271",
    "İ", "\u212a", "ſ", "\U0001f600", "٣", "aba", "abab", "bab", "n07z", "n15z", "Éxyz",
    "ĀBC", "s", "q\u0175", "\x00", "\x7f",
)  # fmt: skip


def reference(text: str, needles: tuple[str, ...]) -> list[int]:
    return offsets_and_capitalised_after_python(text, needles, ())[0]


def test_every_corpus_body() -> None:
    checked = 0
    for body in corpus_bodies().values():
        for text in (body, strip_header(body)):
            for needles in NEEDLE_SETS[:2]:
                found = needle_offsets(text, needles)
                assert found == reference(text, needles)
                assert all(type(at) is int for at in found)
                checked += len(found)
    assert checked > 1000


@pytest.mark.parametrize("seed", range(4))
def test_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.choice((0, 1, 3, 8, 20, 60))))
        text = text[rng.randrange(len(text) + 1) :] if rng.random() < 0.3 else text
        for needles in NEEDLE_SETS:
            assert needle_offsets(text, needles) == reference(text, needles), (text, needles)


def test_text_around_the_blocks() -> None:
    # A needle across each block boundary and in the tail, in 1-, 2- and 4-byte text.
    for wide in ("", "\u0101", "\U0001f600"):
        for length in range(60, 110):
            for at in range(0, length - 6, 3):
                text = "x" * at + "request" + "y" * (length - at - 7) + wide
                assert needle_offsets(text, CUES_AND_FORS) == [at]


def test_cues_and_fors() -> None:
    text = "FOR KABUL: Posts are ASKED to act."
    assert cues_and_fors(text) == reference(text, CUES_AND_FORS) == [0]
    assert cues_and_fors(text, all_caps=True) == reference(text, CAPS_CUES_AND_FORS) == [0, 21]


def test_the_compiled_walk_is_built() -> None:
    try:
        from loaders.entities import request_cues_c
    except ImportError:
        pytest.skip("request_cues_c is not built")
    assert COMPILED
    assert needle_offsets is request_cues_c.needle_offsets
