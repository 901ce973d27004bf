"""The compiled closing-signature search (``signature_c``) gives what its pure-Python
reference (``paragraphs.signature_start_python``) gives: on every corpus body (as
``drop_signature`` passes it, and its last 60 characters from each start) and on
generated endings (blank lines, whitespace of every kind, capitals, name characters,
names of 1 to 31 characters, a last newline; 1-, 2- and 4-byte strings)."""

from __future__ import annotations

import random

import pytest

from loaders.entities import paragraphs
from loaders.entities.paragraphs import drop_signature, signature_start_python
from loaders.entities.text import strip_header
from tests.loaders.compiled_texts import corpus_bodies, generated_texts, random_text

try:
    from loaders.entities import signature_c
except ImportError:  # pragma: no cover - a checkout that was never built
    signature_c = None  # type: ignore[assignment]

needs_compiled = pytest.mark.skipif(signature_c is None, reason="signature_c is not built")

ENDINGS = (
    "\n", "\n\n", "\n \t\n", " ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0",
    "\u2028", "\u3000", "RICE", "A", "Z", "a", ".", "'", "-", "J. SMITH", "O'NEIL",
    "X" * 29, "é", "’", "😀", "1", "\n\nBURNS\n", "text. ", "\n  \n  ",
)  # fmt: skip


def assert_same(body: str, tail: int) -> None:
    assert signature_c is not None
    assert signature_c.signature_start(body, tail) == signature_start_python(body, tail)


def test_the_compiled_search_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert paragraphs.signature_start is not signature_start_python


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    found = 0
    for raw in corpus_bodies():
        body = drop_signature(strip_header(raw)).rstrip() + "\n\nRICE"
        for text in (raw, raw.rstrip(), body):
            assert_same(text, max(0, len(text) - 200))
        for tail in range(max(0, len(body) - 60), len(body) + 1):
            assert_same(body, tail)
        found += signature_start_python(raw.rstrip(), max(0, len(raw.rstrip()) - 200)) >= 0
    assert found > 50  # the corpus has signatures to find


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_endings(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20000):
        body = random_text(rng, ENDINGS, 12)
        assert_same(body, rng.randint(0, len(body)))
        assert_same(body, 0)
    for body in generated_texts(seed, 500):
        assert_same(body, max(0, len(body) - 200))


def test_a_signature_is_cut_off() -> None:
    assert drop_signature("1. Text.\n \n\u3000J. O'NEIL-SMITH\n") == "1. Text."
    assert drop_signature("1. Text.\n\nRICE.\n\nMore") == "1. Text.\n\nRICE.\n\nMore"
    assert drop_signature("1. Text.\n\n" + "X" * 32) == "1. Text.\n\n" + "X" * 32
