"""Every occurrence of a few short substrings (cue words, prepositions), in one pass.

Several extractors look for a handful of words (``request``, ``instruct`` ...; ``in``,
``near``) anywhere in a body. One ``str.find`` chain per word reads the whole text once
per word; the compiled walk (``occurrences_c.pyx``) reads it once for all of them. The
functions here are its reference and its fallback: a needle's occurrences are the ones
its own ``str.find`` chain finds (left to right, none overlapping the needle's previous
one). Needles are 1 to 32 characters long.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Final

__all__ = [
    "COMPILED",
    "capitalised_after",
    "occurrence_offsets",
    "occurs_folded",
    "occurs_folded_python",
    "offsets_and_capitalised_after",
    "offsets_and_capitalised_after_python",
]

_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: Offsets of occurrences, and spans of the capitalised words just past occurrences.
Found = tuple[list[int], list[tuple[int, int]]]
_CAPITALISED_WORD: Final = re.compile(r"[A-Z][a-z][\w\-]*")


def iter_occurrences(text: str, needles: tuple[str, ...]) -> Iterator[tuple[int, int, int]]:
    """(offset, needle index, end) of each occurrence, needle by needle.

    >>> list(iter_occurrences("in in", (" in", "in")))
    [(2, 0, 5), (0, 1, 2), (3, 1, 5)]
    """
    for index, needle in enumerate(needles):
        position = text.find(needle)
        while position >= 0:
            yield position, index, position + len(needle)
            position = text.find(needle, position + len(needle))


def offsets_and_capitalised_after_python(
    text: str, offsets_of: tuple[str, ...], capitalised_after: tuple[str, ...]
) -> Found:
    """The sorted offsets of the needles ``offsets_of`` (twice where two occur), and the
    spans of the capitalised words (``[A-Z][a-z][\\w\\-]*``) just past the occurrences
    of a needle of ``capitalised_after``, in order of the occurrences (then of the needles).

    >>> text = "Please request in Kabul, in NATO, near Rome"
    >>> offsets_and_capitalised_after_python(text, ("request", "Please"), (" in ", " near "))
    ([0, 7], [(18, 23), (39, 43)])
    """
    offsets = sorted(position for position, _, _ in iter_occurrences(text, offsets_of))
    words = (
        _CAPITALISED_WORD.match(text, end)
        for _, _, end in sorted(iter_occurrences(text, capitalised_after))
    )
    return offsets, [word.span() for word in words if word is not None]


def occurs_folded_python(text: str, needles: tuple[str, ...], start: int, end: int) -> bool:
    """Does a needle (no ASCII capitals in it) occur in ``text[start:end]`` read with
    its ASCII capitals in lower case (other letters as they are)?

    >>> occurs_folded_python("The EMBASSY asked", ("embass", "post"), 0, 11)
    True
    """
    window = text[start:end].translate(_ASCII_LOWER)
    return any(needle in window for needle in needles)


try:  # the compiled walk, built by ``pip install`` (occurrences_c.pyx); same results
    from loaders.entities.occurrences_c import occurs_folded, offsets_and_capitalised_after
except ImportError:  # pragma: no cover - a checkout that was never built
    occurs_folded = occurs_folded_python
    offsets_and_capitalised_after = offsets_and_capitalised_after_python

#: True when the compiled walk (``occurrences_c``) is in use.
COMPILED: Final = offsets_and_capitalised_after is not offsets_and_capitalised_after_python


def occurrence_offsets(text: str, needles: tuple[str, ...]) -> list[int]:
    """Sorted offsets of every occurrence of each needle (twice where two occur there).

    >>> occurrence_offsets("Please request REQUEST", ("request", "Please", "REQUEST"))
    [0, 7, 15]
    """
    return offsets_and_capitalised_after(text, needles, ())[0]


def capitalised_after(text: str, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of the capitalised words (``[A-Z][a-z]...``) just past each occurrence.

    >>> capitalised_after("a PRT in Daykundi, in NATO, near Kabul", (" in ", " near "))
    [(9, 17), (33, 38)]
    """
    return offsets_and_capitalised_after(text, (), needles)[1]
