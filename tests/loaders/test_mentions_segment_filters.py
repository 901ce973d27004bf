"""The compiled segment filters (``segment_filters_c``) give what the pure-Python
references give: on every corpus body's segments and on generated text."""

from __future__ import annotations

import random

import pytest

from loaders.entities import _KEEP
from loaders.entities.officials import INTRODUCERS
from loaders.entities.scan import Segment, scan_segments
from loaders.entities.segment_filters import (
    COMPILED,
    indices_naming_any,
    indices_naming_any_python,
    words_holding,
    words_holding_python,
)
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import CABLEGATE, read_body
from tests.loaders.test_scan_compiled import PIECES

KEEP = frozenset(_KEEP)


def test_the_compiled_filters_are_built() -> None:
    assert COMPILED


def check(segments: list[Segment]) -> None:
    for words in (INTRODUCERS, frozenset(), frozenset({"Japan", "U.S."})):
        assert indices_naming_any(segments, words) == indices_naming_any_python(segments, words)
        assert indices_naming_any(tuple(segments), words) == indices_naming_any_python(
            segments, words
        )
    for char in ("-", "'", ".", "’"):
        assert words_holding(segments, char) == words_holding_python(segments, char)


def test_compiled_equals_python_on_the_corpus() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        check(scan_segments(strip_header(read_body(path)), KEEP))
        checked += 1
    assert checked == 633


@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        check(scan_segments(text, KEEP))
