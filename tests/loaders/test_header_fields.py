"""The preamble's field keywords, each searched on from a rejected match, are found where
iterating over every match finds them: on every corpus preamble and on generated text
of keywords glued to letters, at and off line starts, with and without colons."""

from __future__ import annotations

import random

from loaders.header.preamble import _FIELDS, find_fields, find_preamble_end, opens_line
from loaders.readers.html import read_cablegate_page
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "E.O. 12958", "EO 13526", "E. O.12958", ":", " ", "\n", "\n  ", "\r\n", "TAGS", "TAG",
    "XTAGS", "SUBJECT", "SUBJ", "PRESUBJECT", "REF", "REFTEL", "REFS", "PREF", "CLASSIFIED BY",
    "DECLASSIFIED BY", "A", "1", "\u2028", "é", "¶", "x" * 20,
)  # fmt: skip


def reference_fields(upper: str) -> list[tuple[int, int, str]]:
    found = []
    for kind, pattern, line_start in _FIELDS:
        for match in pattern.finditer(upper):
            start = match.start()
            if start and upper[start - 1].isalpha():
                continue
            if line_start and not match[1] and not opens_line(upper, start):
                continue
            found.append((start, match.end(), kind))
            break
    return found


def test_fields_as_every_match_read() -> None:
    rng = random.Random(10)
    texts = []
    for path in CABLEGATE.glob("*.html"):
        body = read_cablegate_page(path.read_bytes(), str(path)).body
        texts.append(body[: find_preamble_end(body)].upper())
    for _ in range(30000):
        texts.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16))))
    for text in texts:
        assert find_fields(text) == reference_fields(text), repr(text)
