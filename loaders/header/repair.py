"""Repair of the Cablegate release's encoding damage.

The 2010 release wrote a double quote as ``&`` (opening) and ``8`` (closing), an
apostrophe as ``,``, and some ``&word`` sequences were then decoded as HTML entities
(``&pounding`` became ``£ing``). These functions undo what can be undone safely.

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


def repair_apostrophes(text: str) -> str:
    """``Erdogan,s`` → ``Erdogan's``; a comma followed by a space is left alone.

    >>> repair_apostrophes("don,t and Rome, Paris")
    "don't and Rome, Paris"
    """
    if "," not in text:
        return text
    return _APOSTROPHE_RE.sub(lambda m: "'" if is_letter_before(m, text) else ",", text)


def is_letter_before(match: re.Match[str], text: str) -> bool:
    """True when the character before the match is a letter."""
    return match.start() > 0 and text[match.start() - 1].isalpha()


def repair_text(text: str) -> str:
    """All repairs, in the order the damage happened backwards."""
    return repair_apostrophes(repair_quotes(restore_entities(text)))
