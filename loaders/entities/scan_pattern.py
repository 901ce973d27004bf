"""The compiled run pattern behind :func:`loaders.entities.scan.scan_segments`.

A run is a sequence of capitalised words, possibly wrapped over a line break and
joined by small connectors (``Minister of Defense Wardak``, ``Lula da Silva``).
:data:`SCANNER` matches runs (the scan cuts them into sentence segments).
"""

from __future__ import annotations

import re
from typing import Final

_CHAR: Final = r"[\w'’.\-/&]"
_WORD: Final = rf"[A-Z]{_CHAR}*"
_CONNECTORS: Final = "of|for|the|de|da|del|dos|do|bin|ibn|al|van|von|der|du|la|le|y|and"
_GAP: Final = rf"(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:{_CONNECTORS})[ \t]+)?"
#: A run of capitalised words (one word or several).
SCANNER: Final = re.compile(rf"{_WORD}(?:{_GAP}{_WORD})*")
