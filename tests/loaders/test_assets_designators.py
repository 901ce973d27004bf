"""Only hyphenated words with a digit after a hyphen are parsed as designators: every
word that parses holds one, in every corpus body and among generated words (marks,
plurals, model letters and non-ASCII digits around the hyphen)."""

from __future__ import annotations

import random

import pytest

from loaders.entities.assets import (
    _DASH_DIGIT,
    COMPILED,
    designator_in,
    designator_words,
    designator_words_python,
    iter_designators,
)
from loaders.entities.scan import Segment, scan_segments
from loaders.entities.segment_filters import words_holding
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

PIECES = ("CH", "C", "MiG", "F", "-", "47", "130", "1", "0", "s", "B", "/A", ")", ",", ".", "٣")
WORD_PIECES = (*PIECES, "²", "½", "--", "-x", "é", "\U0001f600", "\u0101")


def test_every_corpus_designator_holds_a_digit_after_a_hyphen() -> None:
    parsed = 0
    for body in corpus_bodies().values():
        for word in words_holding(scan_segments(strip_header(body)), "-"):
            if designator_in(word) is not None:
                assert _DASH_DIGIT.search(word), word
                parsed += 1
    assert parsed > 20


@pytest.mark.parametrize("seed", range(2))
def test_every_generated_designator_holds_a_digit_after_a_hyphen(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        word = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        if designator_in(word) is not None:
            assert _DASH_DIGIT.search(word), word


def test_designators_are_found_as_before() -> None:
    text = "CH-47s and (C-130), MIG-29; NATO-led follow-up H-1B visas"
    names = [asset.name for asset in iter_designators(scan_segments(text))]
    assert names == ["CH-47", "C-130", "MiG-29"]


def test_the_compiled_picker_is_built() -> None:
    assert COMPILED


def test_compiled_equals_python_on_the_corpus() -> None:
    for body in corpus_bodies().values():
        segments = scan_segments(strip_header(body))
        assert designator_words(segments) == designator_words_python(segments)


@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_segments(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        segments = []
        for _ in range(rng.randint(0, 4)):
            words = tuple(
                "".join(rng.choice(WORD_PIECES) for _ in range(rng.randint(1, 4)))
                for _ in range(rng.randint(1, 4))
            )
            segments.append(Segment(0, 1, words, " ".join(words)))
        assert designator_words(segments) == designator_words_python(segments), segments


def test_what_is_not_a_segment_is_refused() -> None:
    with pytest.raises(TypeError):
        designator_words(["CH-47"])
