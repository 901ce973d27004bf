"""One pass over the body: runs of capitalised words, cut into sentence segments.

Every dictionary and pattern extractor works on these segments instead of scanning
the text again. A run is a sequence of capitalised words, possibly wrapped over a line
break and joined by small connectors (``of``, ``for``, ``da``, ``bin`` ...):
``Minister of Defense Wardak``, ``Lula da Silva``. A run is cut after a word that ends
a sentence (``Japan.``) but not after an abbreviation (``Dr.``, ``U.S.``, ``J.``).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_RUN: Final = re.compile(
    r"[A-Z][\w'’.\-/&]*(?:(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?:(?:of|for|the|de|da|del|dos|do|bin|ibn|al|van|von|der|du|la|le|y|and)[ \t]+)?"
    r"[A-Z][\w'’.\-/&]*)*"
)
ABBREVIATIONS: Final = frozenset(
    [
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Gen.",
        "Lt.",
        "Col.",
        "Maj.",
        "Capt.",
        "Adm.",
        "Sen.",
        "Rep.",
        "Amb.",
        "Gov.",
        "Pres.",
        "Prof.",
        "St.",
        "Jr.",
        "Sr.",
        "Sgt.",
        "Cmdr.",
        "Brig.",
        "Hon.",
        "No.",
        "Mt.",
        "Ft.",
        "Dept.",
        "Govt.",
        "Lt.Gen.",
        "Maj.Gen.",
        "Brig.Gen.",
        "MR.",
        "MRS.",
        "MS.",
        "DR.",
        "GEN.",
        "LT.",
        "COL.",
        "MAJ.",
        "CAPT.",
        "ADM.",
        "SEN.",
        "REP.",
        "AMB.",
        "GOV.",
        "PROF.",
        "ST.",
    ]
)
_DOTTED: Final = re.compile(r"(?:[A-Z]\.)+$")


class Segment(NamedTuple):
    """Capitalised words of one run between sentence ends, with their span in the text."""

    start: int
    end: int
    words: tuple[str, ...]


def ends_sentence(word: str) -> bool:
    """True when ``word`` closes a sentence (a full stop that is not an abbreviation).

    >>> [ends_sentence(w) for w in ("Japan.", "Dr.", "U.S.", "J.", "Japan")]
    [True, False, False, False, False]
    """
    return word.endswith(".") and word not in ABBREVIATIONS and not _DOTTED.match(word)


def split_run(text: str, start: int, end: int) -> list[Segment]:
    """Cut the run ``text[start:end]`` into segments after sentence-ending words.

    >>> split_run("in Japan. The GOJ said", 3, 17)
    [Segment(start=3, end=9, words=('Japan.',)), Segment(start=10, end=17, words=('The', 'GOJ'))]
    """
    run = text[start:end]
    words = run.split()
    if (". " not in run and ".\n" not in run) or not any(map(ends_sentence, words[:-1])):
        return [Segment(start, end, tuple(words))]
    segments: list[Segment] = []
    position, seg_start = start, start
    current: list[str] = []
    for word in words:
        position = text.index(word, position) + len(word)
        if not current:
            seg_start = position - len(word)
        current.append(word)
        if ends_sentence(word):
            segments.append(Segment(seg_start, position, tuple(current)))
            current = []
    if current:
        segments.append(Segment(seg_start, position, tuple(current)))
    return segments


def scan_segments(text: str) -> list[Segment]:
    """All capitalised segments of ``text``, in order.

    >>> [s.words for s in scan_segments("Foreign Minister\\nKoumura met NATO-led forces.")]
    [('Foreign', 'Minister', 'Koumura'), ('NATO-led',)]
    """
    segments: list[Segment] = []
    for match in _RUN.finditer(text):
        segments.extend(split_run(text, match.start(), match.end()))
    return segments


def bare_word(word: str) -> str:
    """A word without a closing full stop, comma-damaged or real possessive ``'s``.

    >>> [bare_word(w) for w in ("Japan's", "Koumura.", "U.S.", "Japan’s")]
    ['Japan', 'Koumura', 'U.S.', 'Japan']
    """
    if word.endswith(("'s", "’s", "'S")):
        return word[:-2]
    if word.endswith(".") and not _DOTTED.match(word) and word not in ABBREVIATIONS:
        return word[:-1]
    return word
