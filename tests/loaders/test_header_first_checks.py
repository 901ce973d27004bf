"""First checks in front of header patterns give what the patterns alone give: a REF
bullet's kind (kind patterns tried only when a literal they need is there) and where
a classified-by line's reasons start (the keyword searched alone, its lead read back);
on every corpus REF bullet and classified-by line, and on generated text. Patterns that
open with ``\\b`` are searched only when a literal every match holds is there."""

from __future__ import annotations

import random

import pytest

from loaders.header.authority import _CUT_RE, cut_start
from loaders.header.preamble import _REASON_DIGITS_RE, _REASON_RE, split_preamble
from loaders.header.references import (
    _KIND_WORDS,
    _NOT_CABLE_RE,
    _REF_BULLET_RE,
    classify_other,
    split_bullets,
)
from loaders.readers.html import read_cablegate_page
from loaders.record import RefKind
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "E-MAIL", "EMAIL", "MAIL", "TELCON", "TELECON", "PHONE", "TELEPHONE", "DTG", "XDTG",
    "031932Z", "12345Z", "Z", "MSG", "MESSAGE", "REPORT", "IIR", "INTSUM", "TD", "TDX",
    "MEMO", "DIPNOTE", "NON-PAPER", "NONPAPER", "LETTER", "TOKYO", "1464", " ", "  ", ",",
    ";", ":", "\t", "\n", "\xa0", "for", "FOR", "reasons", "Reason", "rea son s", "per",
    "1.4", "1 . 5", "1:6", "1/7", "E.O.", "EO 12958", "13526", "(b)", "Gnehm", "Amb.", "é",
    "1.45", "a1.4", "_", "٣",
)  # fmt: skip


def classify_by_patterns(text: str) -> RefKind:
    return next((kind for pattern, kind in _KIND_WORDS if pattern.search(text)), RefKind.OTHER)


def cut_by_pattern(text: str) -> int | None:
    cut = _CUT_RE.search(text)
    return cut.start() if cut else None


def generated_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8))) for _ in range(count)]


def test_first_checks_on_the_corpus() -> None:
    bullets: list[str] = []
    lines: list[str] = []
    for path in sorted(CABLEGATE.glob("*.html")):
        preamble = split_preamble(read_cablegate_page(path.read_bytes(), str(path)).body)
        bullets += [text for _, text in split_bullets((preamble.ref or "").upper())]
        lines.append(preamble.classified_by or "")
    assert len(bullets) > 500 and len(lines) == 633
    for text in bullets:
        assert classify_other(text) == classify_by_patterns(text), text
    for line in lines:
        assert cut_start(line) == cut_by_pattern(line), line


@pytest.mark.parametrize("seed", range(3))
def test_first_checks_on_generated_text(seed: int) -> None:
    for text in generated_texts(seed, 6000):
        assert classify_other(text) == classify_by_patterns(text), text
        assert cut_start(text) == cut_by_pattern(text), text


LITERAL_PIECES = (
    "REF", "REFS", "XREF", "A", "B", " ", "\t", "\n", "FAM", "FAH", "FA", "M", "H", "IMSWM",
    "IMS", "WM", "(", ".", "1", "é", "_",
)  # fmt: skip


@pytest.mark.parametrize("seed", range(2))
def test_literal_checks_before_boundary_patterns(seed: int) -> None:
    # the REF-bullet and not-a-cable patterns open with \b (tried at every position):
    # their literals are looked for first; every match holds one
    rng = random.Random(seed)
    for _ in range(20000):
        text = "".join(rng.choice(LITERAL_PIECES) for _ in range(rng.randint(0, 10)))
        if "REF" not in text:
            assert _REF_BULLET_RE.search(text) is None, repr(text)
        if "FA" not in text and "IMSWM" not in text:
            assert _NOT_CABLE_RE.search(text) is None, repr(text)


def test_reason_digits_are_a_reason() -> None:
    # the preamble tries the digits branch of its reason pattern first
    for text in [*generated_texts(11, 20000), "1.4", "1 . 5", "reasons"]:
        if _REASON_DIGITS_RE.search(text):
            assert _REASON_RE.search(text), repr(text)
