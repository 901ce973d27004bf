"""The compiled run pattern behind :func:`loaders.entities.scan.scan_segments`.

A run is a sequence of capitalised words, possibly wrapped over a line break and
joined by small connectors (``Minister of Defense Wardak``, ``Lula da Silva``).
:data:`SCANNER` matches runs; :func:`lone_word_keep` is what a lone word must be to
be kept, cached per keep set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from loaders.entities.scan_words import SENTENCE_STARTS

_CHAR: Final = r"[\w'’.\-/&]"
_WORD: Final = rf"[A-Z]{_CHAR}*"
_CONNECTORS: Final = "of|for|the|de|da|del|dos|do|bin|ibn|al|van|von|der|du|la|le|y|and"
_GAP: Final = rf"(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:{_CONNECTORS})[ \t]+)?"
#: A run of capitalised words (one word or several).
SCANNER: Final = re.compile(rf"{_WORD}(?:{_GAP}{_WORD})*")


@lru_cache(maxsize=8)
def lone_word_keep(keep: frozenset[str]) -> frozenset[str]:
    """The keep set less the sentence starts: what a lone word must be (itself, or once
    its last character is dropped) to be kept.

    >>> sorted(lone_word_keep(frozenset({"The", "Japan"})))
    ['Japan']
    >>> [m.group() for m in SCANNER.finditer("Lula da Silva said. Japan")]
    ['Lula da Silva', 'Japan']
    """
    return keep - SENTENCE_STARTS
