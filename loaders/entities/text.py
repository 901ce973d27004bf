"""Shared text helpers for body entity extraction: header skipping and whitespace.

The body handed to :func:`loaders.entities.extract_body_entities` may still start with
the header block (banner, ``E.O. 12958``, ``TAGS:``, ``SUBJECT:``, ``REF:``,
``Classified By:``); :func:`strip_header` drops it so that extractors see prose only.
"""

from __future__ import annotations

import re
import string
from typing import Final, TypeAlias

#: Text of a cable body, header block removed.
BodyText: TypeAlias = str

_HEADER_START: Final = re.compile(
    r"""[ \t]*(?:
        E\.?[ ]?O\.?[ ]?1\d{4}          # E.O. 12958 / EO 12958
      | TAGS\b | SUBJ(?:ECT)?\b | REFS?\b | REFERENCES?\b | REFTEL\b
      | CLASSIFIED[ ]BY\b | DERIVED[ ]FROM\b | DECL(?:ASSIFY)?\b
      | SIPDIS | NOFORN | NODIS | EXDIS | LIMDIS | STADIS | CORRECTED[ ]COPY
      | (?:UNCLAS|CONFIDENTIAL|SECRET|SENSITIVE|FOR[ ]OFFICIAL[ ]USE)\b[^a-z\n]*$
      | (?:[A-Z][ ]){3,}               # spaced-out banner: C O N F I D E N T I A L
      | SECTION[ ]\d+[ ]OF[ ]\d+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTINUED: Final = frozenset({"SUBJ", "REF", "CLAS", "DERI", "REFE"})
_PARAGRAPH_START: Final = re.compile(r"[ \t]*(?:¶[ \t]*)?\d{1,3}[ \t]*\.[ \t]")
_HEADER_SCAN_LINES: Final = 120
_SPACES: Final = re.compile(r"\s+")
_DROP_UPPER: Final = str.maketrans("", "", string.ascii_uppercase)
_DROP_LOWER: Final = str.maketrans("", "", string.ascii_lowercase)


def strip_header(body: str) -> BodyText:
    """Drop the leading header block (banner, E.O., TAGS, SUBJECT, REF, Classified By).

    Continuation lines of SUBJECT, REF and Classified By are dropped with them; the
    body starts at the first other non-blank line or at the first numbered paragraph.

    >>> strip_header("TAGS: PREL JA\\nSUBJECT: ONE\\n TWO\\n\\n1. (C) Text.\\n")
    '1. (C) Text.\\n'
    >>> strip_header("Plain text only.")
    'Plain text only.'
    """
    offset = 0
    continuing = False
    for count, line in enumerate(body.splitlines(keepends=True)):
        if count >= _HEADER_SCAN_LINES:
            break
        stripped = line.strip()
        if not stripped:
            continuing = False
        elif _PARAGRAPH_START.match(line):
            break
        elif _HEADER_START.match(line):
            continuing = stripped[:4].upper() in _CONTINUED
        elif not continuing:
            break
        offset += len(line)
    return body[offset:]


def collapse_spaces(text: str) -> str:
    """Join wrapped lines: every run of whitespace becomes one space, ends trimmed.

    >>> collapse_spaces("  a\\n  b\\t c ")
    'a b c'
    """
    return _SPACES.sub(" ", text).strip()


def is_all_caps(text: str) -> bool:
    """True when the text is written in capitals only (old telegram style).

    >>> is_all_caps("THE MINISTER SAID")
    True
    >>> is_all_caps("The Minister said")
    False
    """
    sample = text[:4000]
    upper = len(sample) - len(sample.translate(_DROP_UPPER))
    lower = len(sample) - len(sample.translate(_DROP_LOWER))
    return upper > 0 and lower * 5 < upper
