"""The cheap subject test before a request verb reads ASCII capitals in lower case; it
answers as the whole window put in lower case (``str.lower``) would: at every request
verb of the corpus, and on generated text with the two non-ASCII letters whose lower
case holds an ASCII letter (``İ`` → ``i̇``, Kelvin ``K`` → ``k``)."""

from __future__ import annotations

import random

import pytest

from loaders.entities.requests import _SUBJECTS, _WINDOW, cue_offsets, names_a_subject
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

PIECES = (
    "Post", "POST", "post", "Posts are ", "EMBASSY", "embassy", "Mission", "MİSSION", "mİssion",
    "WASHİNGTON", "Washington", "we ", "We ", "WE ", "\u212a", "İ", "USNATO", "usun", "USEU",
    " ", "\n", "requested", "REQUESTED", "Please", "asked", "x", "É", "\U0001f600", "Dept",
    "department", "ADDRESSEE", "consulate",
)  # fmt: skip


def names_a_subject_lowered(text: str, position: int) -> bool:
    """The test as first written: the window in lower case, each subject looked for."""
    if text.startswith("Please", position):
        return True
    before = text[max(0, position - _WINDOW) : position].lower()
    return any(subject in before for subject in _SUBJECTS)


def test_no_subject_could_match_through_a_non_ascii_lower_case() -> None:
    # İ lowers to "i" + U+0307, Kelvin K to "k": no subject has a "k" or ends in "i".
    assert not any("k" in subject or subject.endswith("i") for subject in _SUBJECTS)


def test_at_every_request_verb_of_the_corpus() -> None:
    checked = 0
    for body in corpus_bodies().values():
        text = strip_header(body)
        for position in cue_offsets(text, all_caps=True):
            assert names_a_subject(text, position) == names_a_subject_lowered(text, position)
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize("seed", range(3))
def test_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        for position in range(0, len(text) + 1, 7):
            expected = names_a_subject_lowered(text, position)
            assert names_a_subject(text, position) == expected, (text, position)
