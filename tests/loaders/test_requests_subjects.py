"""The cheap subject test before a request verb reads ASCII capitals in lower case; it
answers as the whole window put in lower case (``str.lower``) would: at every request
verb of the corpus, and on generated text with the two non-ASCII letters whose lower
case holds an ASCII letter (``İ`` → ``i̇``, Kelvin ``K`` → ``k``)."""

from __future__ import annotations

import random

import pytest

from loaders.entities.requests import (
    _SUBJECTS,
    _WINDOW,
    COMPILED,
    cue_offsets,
    names_a_subject,
    subject_cues,
    subject_cues_python,
)
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

PIECES = (
    "Post", "POST", "post", "Posts are ", "EMBASSY", "embassy", "Mission", "MİSSION", "mİssion",
    "WASHİNGTON", "Washington", "we ", "We ", "WE ", "\u212a", "İ", "USNATO", "usun", "USEU",
    " ", "\n", "requested", "REQUESTED", "Please", "asked", "x", "É", "\U0001f600", "Dept",
    "department", "ADDRESSEE", "consulate", "\u2019", "a\u0101", "Pleas", "ADDRESSEEİ",
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
        cues = cue_offsets(text, all_caps=True)
        for position in cues:
            assert names_a_subject(text, position) == names_a_subject_lowered(text, position)
            checked += 1
        assert subject_cues(text, cues) == subject_cues_python(text, cues)
        every = list(range(0, len(text) + 1, 13))
        assert subject_cues(text, every) == subject_cues_python(text, every)
    assert checked > 1000


def test_the_compiled_test_is_built() -> None:
    assert COMPILED


@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        cues = list(range(0, len(text) + 1, rng.randint(1, 9)))
        assert subject_cues(text, cues) == subject_cues_python(text, cues), text


needs_compiled = pytest.mark.skipif(not COMPILED, reason="requests_c is not built")


@needs_compiled
@pytest.mark.parametrize(
    ("subjects", "window", "prefix"),
    [(["Post"], 120, ""), (["p"], 120, ""), (["x" * 33], 120, ""), (["post"], -1, "")],
)
def test_subjects_out_of_range_are_refused(subjects: list[str], window: int, prefix: str) -> None:
    from loaders.entities.requests_c import Subjects

    with pytest.raises(ValueError):
        Subjects(subjects, window, prefix)


@needs_compiled
def test_cues_outside_the_text_are_refused() -> None:
    from loaders.entities.requests_c import Subjects

    with pytest.raises(ValueError):
        Subjects(["post"], 120, "Please").naming("post", [5])


@pytest.mark.parametrize("seed", range(3))
def test_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        for position in range(0, len(text) + 1, 7):
            expected = names_a_subject_lowered(text, position)
            assert names_a_subject(text, position) == expected, (text, position)
