"""Shared text helpers for body entity extraction: header skipping and whitespace.

The body handed to :func:`loaders.entities.extract_body_entities` may still start with
the header block (banner, ``E.O. 12958``, ``TAGS:``, ``SUBJECT:``, ``REF:``,
``Classified By:``); :func:`strip_header` drops it so that extractors see prose only.

The character loops (joining words, counting letters) are compiled (``text_c.pyx``,
``text_scans_c.pyx``); the ``*_python`` functions here are their reference and the
fallback when they are not built (``tests/loaders/test_text_compiled.py`` compares them).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from itertools import islice
from typing import Final, TypeAlias

#: Text of a cable body, header block removed.
BodyText: TypeAlias = str

# text2_c.pyx matches _LINE_START in place, part by part (its test compares the two on
# the corpus and generated lines): a change here is made there too.
_HEADER_WORDS: Final = r"""
        E\.?[ ]?O\.?[ ]?1\d{4}          # E.O. 12958 / EO 12958
      | TAGS?\b | SUBJ(?:ECT)?\b | REFS?\b | REFERENCES?\b | REFTEL\b
      | CLASSIFIED[ ]BY\b | DERIVED[ ]FROM\b | DECL(?:ASSIFY)?\b
      | SIPDIS | NOFORN | NODIS | EXDIS | LIMDIS | STADIS | CORRECTED[ ]COPY
      | (?:UNCLAS|CONFIDENTIAL|SECRET|SENSITIVE|FOR[ ]OFFICIAL[ ]USE)\b[^a-z\n]*$
      | (?:[A-Z][ ]){3,}               # spaced-out banner: C O N F I D E N T I A L
      | SECTION[ ]\d+[ ]OF[ ]\d+
"""
_PARAGRAPH_NUMBER: Final = r"(?:¶[ \t]*)?\d{1,3}[ \t]*(?:\.[ \t(]|,[ \t]*\()"
# A header line's start, or (group 1) a numbered paragraph's: one match a line.
_LINE_START: Final = re.compile(
    rf"[ \t]*(?:({_PARAGRAPH_NUMBER})|{_HEADER_WORDS})",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER_SCAN_LINES: Final = 120
_HEADER_CHUNK: Final = 1024  # characters of body split into lines at a time
_PROSE_LINE: Final = 40
_CAPS_SAMPLE: Final = 4000
_UPPER: Final = string.ascii_uppercase.encode()
_LOWER: Final = string.ascii_lowercase.encode()


def join_words_python(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` joined by one space (``0 <= start <= end``);
    reference of the compiled ``text_c.join_words``.

    >>> join_words_python(" a\\n b  c\\t!", 0, 9)
    'a b c'
    """
    return " ".join(text[start:end].split())


def ascii_letter_counts_python(text: str, stop: int) -> tuple[int, int, int]:
    """ASCII characters, capitals and small letters in ``text[:stop]`` (``stop >= 0``);
    reference of the compiled ``text_scans_c.ascii_letter_counts``.

    >>> ascii_letter_counts_python("Été AB c", 8)
    (6, 2, 2)
    """
    sample = text[:stop].encode("ascii", "ignore")
    upper = len(sample) - len(sample.translate(None, _UPPER))
    lower = len(sample) - len(sample.translate(None, _LOWER))
    return len(sample), upper, lower


try:  # the compiled loops, built by ``pip install`` (text_c.pyx, text_scans_c.pyx)
    from loaders.entities.text_c import join_words as join_words  # used by summary
    from loaders.entities.text_scans_c import ascii_letter_counts as ascii_letter_counts
except ImportError:  # pragma: no cover - a checkout that was never built
    join_words = join_words_python
    ascii_letter_counts = ascii_letter_counts_python

#: True when the compiled loops (``text_c``) are in use.
COMPILED: Final = join_words is not join_words_python


def is_prose(line: str) -> bool:
    """A long line written mostly in lower case: running text, not a header line.

    >>> is_prose("The Government of Japan is actively considering possible steps")
    True
    >>> is_prose("STATE FOR EUR/WE AND WHA/AND")
    False
    """
    if len(line) < _PROSE_LINE:
        return False
    ascii, _, lower = ascii_letter_counts(line, len(line))
    return lower * 2 > ascii


def iter_lines(body: str) -> Iterator[str]:
    """``body.splitlines(keepends=True)``, split a chunk at a time (each chunk ends just
    after a ``\\n``), for a scan that reads only the first lines of a long body.

    >>> list(iter_lines("a\\r\\nb\\x0cc\\n"))
    ['a\\r\\n', 'b\\x0c', 'c\\n']
    """
    start = 0
    while start < len(body):
        end = body.find("\n", start + _HEADER_CHUNK) + 1 or len(body)
        yield from body[start:end].splitlines(keepends=True)
        start = end


def header_end_python(body: str, lines: int, prose: int) -> int:
    """Where the leading header block of ``body`` ends (see :func:`strip_header`),
    scanning ``lines`` lines at most (running text: ``prose`` characters or more);
    reference of the compiled ``text2_c.header_end``.

    >>> header_end_python("TAGS: X\\n\\n1. (C) Text.\\n", _HEADER_SCAN_LINES, _PROSE_LINE)
    9
    """
    offset = cut = 0
    in_block = False
    for line in islice(iter_lines(body), lines):
        start = _LINE_START.match(line)
        if start and start[1]:  # a numbered paragraph
            break
        blank = not line.strip()
        if start:
            in_block = True
        elif blank:
            in_block = False
        elif not in_block and len(line) >= prose and is_prose(line):
            break
        offset += len(line)
        if in_block or (blank and cut == offset - len(line)):
            cut = offset
    return cut


try:  # the compiled scan, built by ``pip install`` (text2_c.pyx); same results
    from loaders.entities.text2_c import header_end
except ImportError:  # pragma: no cover - a checkout that was never built
    header_end = header_end_python


def strip_header(body: str) -> BodyText:
    """Drop the leading header block (banner, routing lines, E.O., TAGS, SUBJECT, REF,
    Classified By), up to the last such block before the first paragraph.

    A header line and the lines after it up to a blank line are one block (a subject or
    ``Classified By`` line wraps). Scanning stops at the first numbered paragraph or
    the first line of running text.

    >>> strip_header("TAGS: PREL JA\\nSUBJECT: ONE\\n TWO\\n\\n1. (C) Text.\\n")
    '1. (C) Text.\\n'
    >>> strip_header("SIPDIS\\nSTATE FOR EUR\\n\\nClassified By: DCM X, reas\\nons 1.4\\n\\nText")
    'Text'
    >>> strip_header("Plain text only.")
    'Plain text only.'
    """
    return body[header_end(body, _HEADER_SCAN_LINES, _PROSE_LINE) :]


def collapse_spaces(text: str) -> str:
    """Join wrapped lines: every run of whitespace becomes one space, ends trimmed.

    >>> collapse_spaces("  a\\n  b\\t c ")
    'a b c'
    """
    return join_words(text, 0, len(text))


def is_all_caps(text: str) -> bool:
    """True when the text is written in capitals only (old telegram style).

    >>> is_all_caps("THE MINISTER SAID")
    True
    >>> is_all_caps("The Minister said")
    False
    """
    _, upper, lower = ascii_letter_counts(text, _CAPS_SAMPLE)
    return upper > 0 and lower * 5 < upper
