"""Classification markings: level word, caveats, and the spaced-out banner.

The two searches of every cable are compiled (``markings_c.pyx``): the spaced banner
in the whole body (:func:`banner_start`) and the caveat words of the preamble head's
first lines (:func:`caveat_words`, the head not split). Their regular-expression
references stay here (:func:`banner_start_python`, :func:`caveat_words_python`): the
fallback when the module is not built, and the answer where the compiled search declines
(a banner letter past ASCII, a head that is not ASCII).

>>> split_marking("SECRET//NOFORN")
('SECRET', ('NOFORN',))
>>> split_marking("UNCLASSIFIED//FOR OFFICIAL USE ONLY")
('UNCLASSIFIED', ('FOR OFFICIAL USE ONLY',))
>>> find_banner("USMISSION USNATO IMMEDIATEC O N F I D E N T I A L STATE 068633")
26
>>> banner_level("C O N F I D E N T I A L STATE 068633")
'CONFIDENTIAL'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from typing import Final, TypeAlias

Level: TypeAlias = str
Caveats: TypeAlias = tuple[str, ...]

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET")
#: Distinct container markings kept split.
MARKING_CACHE = 1024
_SPACED = {"C O N F I D E N T I A L": "CONFIDENTIAL", "S E C R E T": "SECRET"}
_SPACED |= {"U N C L A S S I F I E D": "UNCLASSIFIED"}
_BANNER_RE = re.compile(r"(C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)", re.I)
_PLAIN_BANNER_RE = re.compile(
    r"^\s*(UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)\b(?:\s+SECTION\s+\d+|\s+[A-Z][A-Z ]*\s+\d{3,})"
)
CAVEAT_WORDS = (
    "NOFORN",
    "SIPDIS",
    "EXDIS",
    "NODIS",
    "LIMDIS",
    "STADIS",
    "ROGER",
    "CHEROKEE",
    "ORCON",
    "SENSITIVE",
    "FOR OFFICIAL USE ONLY",
)
_CAVEAT_RE = re.compile(r"\b(" + "|".join(CAVEAT_WORDS) + r")\b", re.I)
#: The same words in upper-cased ASCII text: case-sensitive, so the engine scans fast
#: (on ASCII, ignoring case is the same as upper-casing first).
_UPPER_CAVEAT_RE = re.compile(r"\b(" + "|".join(CAVEAT_WORDS) + r")\b")


@lru_cache(maxsize=MARKING_CACHE)
def split_marking(marking: str) -> tuple[Level | None, Caveats]:
    """A container marking (``SECRET//NOFORN``) as level word and caveats (cached: a
    corpus has a few dozen markings).

    >>> split_marking("confidential")
    ('CONFIDENTIAL', ())
    >>> split_marking("")
    (None, ())
    """
    parts = [p.strip().upper() for p in marking.split("//") if p.strip()]
    if not parts:
        return None, ()
    level = next((lv for lv in LEVELS if parts[0].startswith(lv)), None)
    if parts[0].startswith("UNCLAS"):
        level = "UNCLASSIFIED"
    return level, tuple(parts[1:])


def banner_start_python(text: str) -> int:
    """Where the first spaced banner of the text starts, -1 when there is none: the
    reference of the compiled ``markings_c.banner_start`` (which may also decline).

    >>> banner_start_python("SIPDIS S e c r e t"), banner_start_python("S E C R E")
    (7, -1)
    """
    # every spaced banner holds " E " (ignoring case, only "E" and "e" match E and only
    # " " matches a space): a text without one is not scanned
    match = _BANNER_RE.search(text) if " E " in text or " e " in text else None
    return match.start() if match else -1


def caveat_words_python(text: str, lines: int) -> Caveats:
    """:func:`find_caveats` of the first ``lines`` lines of the text (every line when
    ``lines`` is negative): the reference of the compiled ``markings_c.caveat_words``
    (which declines text that is not ASCII).

    >>> caveat_words_python("NOFORN\\r\\nSIPDIS", 1), caveat_words_python("x\\nsipdis", -1)
    (('NOFORN',), ('SIPDIS',))
    """
    return find_caveats_python(text.splitlines()[:lines] if lines >= 0 else [text])


#: What the compiled ``banner_start`` gives where the regex must decide.
DECLINED: Final = -2
try:  # the compiled searches, built by ``pip install`` (markings_c.pyx); same results
    from loaders.header.markings_c import banner_start as banner_start
    from loaders.header.markings_c import caveat_words as caveat_words
except ImportError:  # pragma: no cover - a checkout that was never built
    banner_start = banner_start_python
    caveat_words = caveat_words_python

#: True when the compiled searches (``markings_c``) are in use.
COMPILED: Final = banner_start is not banner_start_python
#: The level of a spaced banner by its first letter.
_SPACED_INITIAL = {"C": "CONFIDENTIAL", "S": "SECRET", "U": "UNCLASSIFIED"}
_SPACED_INITIAL |= {initial.lower(): level for initial, level in _SPACED_INITIAL.items()}


def find_banner(line: str) -> int | None:
    """Where a spaced-out classification banner starts in ``line``, if any."""
    start = banner_start(line)
    if start == DECLINED:
        start = banner_start_python(line)
    return start if start >= 0 else None


def banner_level(text: str) -> Level | None:
    """The level of the first banner (spaced out or plain) in the text.

    >>> banner_level("SECRET SECTION 01 OF 02 AMMAN 001288")
    'SECRET'
    >>> banner_level("UNCLAS STATE 001234")
    'UNCLASSIFIED'
    """
    start = banner_start(text)
    if start == DECLINED:
        return banner_level_python(text)
    # a banner found by the compiled search is ASCII: its first letter tells which
    return _SPACED_INITIAL[text[start]] if start >= 0 else plain_banner_level(text)


def banner_level_python(text: str) -> Level | None:
    """:func:`banner_level` by the regular expressions alone (its reference).

    >>> banner_level_python("intro\\nc o n f i d e n t i a l")
    'CONFIDENTIAL'
    >>> banner_level_python("C O N F \u0130 D E N T \u0130 A L")  # İ: matched ignoring case
    'CONFIDENTIAL'
    >>> banner_level_python("\u017f e c r e t")  # ſ too
    'SECRET'
    """
    match = _BANNER_RE.search(text) if " E " in text or " e " in text else None
    if match:
        # its first letter tells which (upper-cased: ``ſ`` is matched as ``s``); the whole
        # match is not always a key of _SPACED: ``İ``, matched as ``I``, upper-cases to itself
        return _SPACED_INITIAL[match[1][0].upper()]
    return plain_banner_level(text)


def plain_banner_level(text: str) -> Level | None:
    """The level of a plain banner (``SECRET SECTION 01 OF 02``) in the first 3 lines."""
    for line in first_lines(text, 3):
        plain = _PLAIN_BANNER_RE.match(line.upper())
        if plain:
            return "UNCLASSIFIED" if plain[1].startswith("UNCLAS") else plain[1]
    return None


def first_lines(text: str, count: int) -> list[str]:
    """``text.splitlines()[:count]`` without splitting the whole text: the lines of a
    growing prefix, once it holds more than ``count`` lines (the first ``count`` then end
    inside it) or is the whole text.

    >>> first_lines("a\\r\\nb\\n\\nc\\x0bd" + "x" * 900, 3)
    ['a', 'b', '']
    """
    size = 256
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def find_caveats(lines: Iterable[str]) -> Caveats:
    """Caveat words in the given lines (the banner and preamble), in order, once each.

    >>> find_caveats(["S E C R E T STATE 050524", "", "NOFORN", "SIPDIS", "NOFORN"])
    ('NOFORN', 'SIPDIS')
    """
    text = "\n".join(lines)  # no caveat word spans a line break
    found = caveat_words(text, -1)
    return caveats_in(text) if found is None else found


def head_caveats(head: str, count: int) -> Caveats:
    """``find_caveats(head.splitlines()[:count])``, the head not split (the compiled
    search stops after ``count`` lines).

    >>> head_caveats("S E C R E T\\r\\nSIPDIS\\r\\nNOFORN", 2)
    ('SIPDIS',)
    """
    found = caveat_words(head, count) if count >= 0 else None
    return find_caveats_python(head.splitlines()[:count]) if found is None else found


def find_caveats_python(lines: Iterable[str]) -> Caveats:
    """:func:`find_caveats` by the regular expressions alone (its reference)."""
    return caveats_in("\n".join(lines))


def caveats_in(text: str) -> Caveats:
    """Caveat words in the text, in order, once each (regular expressions)."""
    if text.isascii():
        return tuple(dict.fromkeys(_UPPER_CAVEAT_RE.findall(text.upper())))
    found: dict[str, None] = {}
    for match in _CAVEAT_RE.finditer(text):
        found.setdefault(match[1].upper(), None)
    return tuple(found)


def merge_caveats(*groups: Caveats) -> Caveats:
    """Caveats of several sources, first occurrence wins.

    >>> merge_caveats(("NOFORN",), ("SIPDIS", "NOFORN"))
    ('NOFORN', 'SIPDIS')
    """
    return tuple(dict.fromkeys(chain.from_iterable(groups)))
