"""Repair of the Cablegate release's encoding damage.

The 2010 release wrote a double quote as ``&`` (opening) and ``8`` (closing), an
apostrophe as ``,``, and some ``&word`` sequences were then decoded as HTML entities
(``&pounding`` became ``£ing``). These functions undo what can be undone safely.
A body is first read once for the damage it can hold (:func:`damage_flags`, compiled in
``repair_c.pyx``): most bodies hold none, or only apostrophes, and skip the other passes.

>>> repair_text("a &reference,8 tightly")
'a "reference," tightly'
>>> repair_text("Japan,s political")
"Japan's political"
>>> repair_text("the G8 Summit and C-130 in 1998")
'the G8 Summit and C-130 in 1998'
>>> repair_text("there are ¢rales8 or hubs")
'there are "centrales" or hubs'
"""

from __future__ import annotations

import re
from typing import Final

#: Latin-1 entity names whose decoded symbol can stand in front of a word.
_ENTITY_NAMES = {
    "¬": "not",
    "©": "copy",
    "®": "reg",
    "§": "sect",
    "¢": "cent",
    "£": "pound",
    "µ": "micro",
    "°": "deg",
    "¥": "yen",
    "¤": "curren",
    "¦": "brvbar",
    "ª": "ordf",
    "º": "ordm",
    "«": "laquo",
    "»": "raquo",
    "±": "plusmn",
    "·": "middot",
    "×": "times",
    "÷": "divide",
    "¡": "iexcl",
    "¿": "iquest",
}
_ENTITY_RE = re.compile("([" + "".join(_ENTITY_NAMES) + "])(?=[A-Za-z-])")
# Each pattern starts with a literal so the engine can skip ahead; the character
# before the match is checked in Python (a leading look-behind would be tried at
# every position of the text).
_QUOTED_RE = re.compile(r"&(?=[A-Za-z0-9(])([^&\n]{0,300}?(?:\n[^&\n]{0,300}?){0,3})8(?![0-9])")
_CLOSE_RE = re.compile(r"8(?<=[.,!?]8)(?=\s|$)")  # only after closing punctuation
_APOSTROPHE_RE = re.compile(r",(?=(?:s|t|ll|re|ve|d|m)\b)")
_QUOTE_OPEN_RE = re.compile(r"&(?=[A-Za-z0-9(])")
#: :func:`damage_flags` bits: an entity symbol before a word; ``&`` where a quoted pair
#: can open; a closing ``8``; a ``,`` standing for an apostrophe.
ENTITY, QUOTE, CLOSE, APOSTROPHE = 1, 2, 4, 8


def restore_entities(text: str) -> str:
    """Put back ``&name`` where an entity was wrongly decoded before a word.

    >>> restore_entities("Hollingsworth £ing on")
    'Hollingsworth &pounding on'
    """
    if text.isascii() or not any(ch in text for ch in _ENTITY_NAMES):
        return text
    return _ENTITY_RE.sub(lambda m: "&" + _ENTITY_NAMES[m[1]], text)


def repair_quotes(text: str) -> str:
    """Turn ``&...8`` pairs (and a lone ``8`` after closing punctuation) into quotes.

    >>> repair_quotes("sent it as &businesslike,8 with")
    'sent it as "businesslike," with'
    >>> repair_quotes("working on it.8  A firm date")
    'working on it."  A firm date'
    """
    if "&" in text:
        text = _QUOTED_RE.sub(lambda m: quote_pair(m, text), text)
    if "8" in text:
        text = _CLOSE_RE.sub(lambda m: close_quote(m, text), text)
    return text


def quote_pair(match: re.Match[str], text: str) -> str:
    """``"..."`` for an ``&...8`` pair that opens at a word start, else unchanged."""
    before = text[match.start() - 1] if match.start() else " "
    return match[0] if before.isalnum() or before == "&" else '"' + match[1] + '"'


def close_quote(match: re.Match[str], text: str) -> str:
    """``"`` for an ``8`` right after a letter and closing punctuation, else ``8``."""
    start = match.start()
    return '"' if start >= 2 and text[start - 1] in ".,!?" and text[start - 2].isalpha() else "8"


def repair_apostrophes_python(text: str) -> str:
    """``Erdogan,s`` → ``Erdogan's``; a comma followed by a space is left alone.
    Reference of the compiled ``repair_c.repair_apostrophes``.

    >>> repair_apostrophes_python("don,t and Rome, Paris")
    "don't and Rome, Paris"
    """
    if "," not in text:
        return text
    return _APOSTROPHE_RE.sub(lambda m: "'" if is_letter_before(m, text) else ",", text)


def is_letter_before(match: re.Match[str], text: str) -> bool:
    """True when the character before the match is a letter."""
    return match.start() > 0 and text[match.start() - 1].isalpha()


def damage_flags_python(text: str) -> int:
    """Which repairs can change ``text`` (:data:`ENTITY`, :data:`QUOTE`, :data:`CLOSE`,
    :data:`APOSTROPHE` bits); reference of the compiled ``repair_c.damage_flags``.
    ``ENTITY``, ``CLOSE`` and ``APOSTROPHE`` are set exactly when that repair changes the
    text; ``QUOTE`` whenever a quoted pair can open (it may not close).

    >>> damage_flags_python("Japan,s &big8 G8"), damage_flags_python("AT&T, 1.8")
    (10, 2)
    >>> damage_flags_python("the G8 grew 1.8, in 2008"), damage_flags_python("it.8 £ing")
    (0, 5)
    """
    flags = ENTITY if not text.isascii() and _ENTITY_RE.search(text) else 0
    if "&" in text and _QUOTE_OPEN_RE.search(text):
        flags |= QUOTE
    if "8" in text and any(close_quote(m, text) == '"' for m in _CLOSE_RE.finditer(text)):
        flags |= CLOSE
    if "," in text and any(is_letter_before(m, text) for m in _APOSTROPHE_RE.finditer(text)):
        flags |= APOSTROPHE
    return flags


try:  # the compiled passes, built by ``pip install`` (repair_c.pyx); same results
    from loaders.header.repair_c import damage_flags as damage_flags
    from loaders.header.repair_c import repair_apostrophes as repair_apostrophes
except ImportError:  # pragma: no cover - a checkout that was never built
    damage_flags = damage_flags_python
    repair_apostrophes = repair_apostrophes_python

#: True when the compiled pass (``repair_c``) is in use.
COMPILED: Final = damage_flags is not damage_flags_python


def repair_text(text: str) -> str:
    """All repairs, in the order the damage happened backwards (only apostrophes, or
    nothing, when the text holds no other damage)."""
    flags = damage_flags(text)
    if flags & (ENTITY | QUOTE | CLOSE):
        return repair_apostrophes(repair_quotes(restore_entities(text)))
    return repair_apostrophes(text) if flags & APOSTROPHE else text
