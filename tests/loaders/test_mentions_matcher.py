"""The compiled lexicon matcher (``hits_matcher_c.LexiconMatcher``) gives what
``lexicon.match_words`` gives: on the words of every corpus segment, on every lexicon
form (as written, dotted, possessive, hyphenated, in runs) and on generated words."""

from __future__ import annotations

import random

from loaders.entities import _KEEP
from loaders.entities.lexicon import COMPILED_MATCH, LEXICON, match_words
from loaders.entities.scan import scan_segments
from loaders.entities.scan_words import ABBREVIATIONS
from tests.loaders.test_entities_corpus import CABLEGATE, read_body
from tests.loaders.test_scan_compiled import PIECES

REFERENCE = match_words.__wrapped__
KEEP = frozenset(_KEEP)
SUFFIXES = ("", ".", "'s", "’s", "'S", "s'", "s’", "-led", "-", "s", "S", ".'s", "..")
WORDS = (
    *(word for word in PIECES if word.strip()),
    *ABBREVIATIONS,
    *("U.S.", "U.", "A.B.", "AB.", "Ab.", "A.b.", "É.", "-led", "NATO-", "-", "'", "’", "s'"),
)


def same(words: tuple[str, ...]) -> None:
    assert COMPILED_MATCH is not None
    assert COMPILED_MATCH(words) == REFERENCE(words), words


def test_the_compiled_matcher_is_built() -> None:
    assert COMPILED_MATCH is not None


def test_compiled_equals_python_on_the_corpus_segments() -> None:
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        for segment in scan_segments(read_body(path), KEEP):
            same(segment.words)
            checked += 1
    assert checked > 10_000


def test_compiled_equals_python_on_every_lexicon_form() -> None:
    rng = random.Random(7)
    for form in LEXICON:
        words = tuple(form.split())
        for suffix in SUFFIXES:
            tail = (*words[:-1], words[-1] + suffix)
            same(tail)
            same(("The", *tail, "Embassy"))
            same((rng.choice(WORDS), *tail))


def test_compiled_equals_python_on_generated_words() -> None:
    rng = random.Random(3)
    forms = [word for form in LEXICON for word in form.split()]
    for _ in range(20_000):
        words = tuple(
            rng.choice(forms if rng.random() < 0.6 else WORDS) + rng.choice(SUFFIXES)
            for _ in range(rng.randint(1, 6))
        )
        same(words)
