"""The generic-request pattern tried only at words starting with one of its first
letters finds what searching every offset finds: in the window of every request verb
of the corpus, and on generated text (both cases, letters that fold to ASCII ones under
IGNORECASE, word boundaries at the window's edges)."""

from __future__ import annotations

import random
import re
import string
import sys
from collections.abc import Callable

import pytest

from loaders.entities.requests import (
    _CASES,
    _GENERIC,
    _GENERIC_PAIRS,
    _GENERIC_WORDS,
    _WINDOW,
    COMPILED,
    cue_offsets,
    search_generic,
    search_generic_python,
)
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

PIECES = (
    "Posts", "posts", "POSTS", " are ", " is ", "requested", "REQUESTED", " to ", "Embassy",
    "EMBASSY", " Astana", "Mission", "MİSSION", "mıssion", "uſnato", "USNATO", "We ", "we ",
    " request ", "Department", "Washington", "guidance", ". ", ".  ", "\n", "Please",
    " report", " also ", "All ", "action ", "Chiefs of Mission", "x", "É", "_", "hereby ",
    "asks ", "that ", "the ", "addressees", "consulates", "Consulate", ":", ")", " ",
    "Posts are requested", "Embassy Astana is requested", "We request Washington guidance",
    "USNATO is asked", ". Please report", "\nPlease also advise", "MİSSİON İS REQUESTED",
    "Department requests that posts", "uſnato is instructed", "All posts are hereby asked",
    "\U0001f600", "ſ", "ı", "٣", "e", "Em", "1", "a_", "ADDRESSEES", "cHıefs of mıssion",
    "wAſhington asks posts", "uſun is asked", "consul", "Deputy", "po", "wE\u3000", "\u212a",
    "post\x1c", "DEPARTMENT INSTRUCTS EMBASSIES", "we\u3000request", "We\x1c\x85ſeeks",
    "WE\u2028WOULD APPRECIATE", "Please\u2028report", "PLEASE REPORT", "please report",
    "posts\x0bare asked", "Embassy\xa0Astana is asked", " we ", "We have", "post-",
)  # fmt: skip
SEARCHES = (search_generic, search_generic_python)


Searcher = Callable[[str, int, int], "re.Match[str] | None"]


def found(match: re.Match[str] | None) -> object:
    return match and (match.span(), match.groupdict())


def test_only_i_and_s_have_other_letters_under_ignorecase() -> None:
    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = set("".join((*_GENERIC_PAIRS, *_GENERIC_WORDS)).lower()) & set(string.ascii_lowercase)
    folded = set(re.findall(f"(?i)[{''.join(sorted(letters))}]", every_character))
    others = folded - set(string.ascii_letters)
    assert others == {other for cases in _CASES.values() for other in cases[2:]}


def begins(text: str, at: int, word: str) -> bool:
    """Does ``word`` of ``_GENERIC_WORDS`` begin at ``at``, as ``re`` reads its letters
    (in any case when it has no capital) and its spaces (``\\s+``)?"""
    pattern = "".join(r"\s+" if c == " " else c for c in word)
    return (
        re.compile(pattern, 0 if any(c.isupper() for c in word) else re.I).match(text, at)
        is not None
    )


def test_every_generic_request_begins_with_one_of_the_words() -> None:
    # The compiled search tries the pattern only where a word of _GENERIC_WORDS begins.
    texts = [*PIECES, *(strip_header(body) for body in corpus_bodies().values())]
    matched = 0
    for text in texts:
        for match in _GENERIC.finditer(text):
            assert any(begins(text, match.start(), word) for word in _GENERIC_WORDS), text
            matched += 1
    assert matched > 40


def test_the_compiled_search_is_built() -> None:
    assert COMPILED


@pytest.mark.parametrize("search", SEARCHES)
def test_in_every_request_verb_window_of_the_corpus(search: Searcher) -> None:
    checked = 0
    for body in corpus_bodies().values():
        text = strip_header(body)
        for position in cue_offsets(text, all_caps=True):
            start, end = max(0, position - _WINDOW), position + 40
            assert found(search(text, start, end)) == found(_GENERIC.search(text, start, end))
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("seed", range(3))
def test_on_generated_text(search: Searcher, seed: int) -> None:
    rng = random.Random(seed)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        start, end = rng.randint(-3, len(text) // 4), rng.randint(len(text) // 2, len(text) + 5)
        expected = _GENERIC.search(text, start, end)
        assert found(search(text, start, end)) == found(expected), (text, start, end)
        matched += expected is not None
    assert matched > 300
