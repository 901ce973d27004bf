"""The routing reader's first checks (a line's first characters before its patterns,
lines before the first section skipped by their first character, an addressee's route
and MCN patterns tried only on what can open them, an addressee read without its MCN)
give what the patterns alone give: on every corpus header line and header, and on
generated lines and headers."""

from __future__ import annotations

import random
import re

import pytest

from loaders.header import routing
from loaders.header.dtg import parse_dtg
from loaders.header.routing import (
    HeaderLine,
    addressee_fields,
    clean_header_line,
    line_addressee,
    read_header_line,
    read_routing,
    read_routing_python,
)
from loaders.readers.html import read_cablegate_page
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "O", "P", "R", "Z", "F", "T", "I", "FM", "FROM", "TO", "INFO", "INFORM", "TOKYO", " ", "  ",
    "\t", "\x0b", "\u3000", "\xa0", "O ", "P P ", "R 261310Z JUN 08", "261310Z JUN 08", "/",
    "RUEHC/", "RUEHKO /", "R1234567/", "SECSTATE WASHDC", "AMEMBASSY LA PAZ", "PRIORITY",
    "NIACT", "IMMEDIATE", "7906", "12-34", "٣٤", "²", "BT", "ZEN", "PAGE 02 STATE 068633 261308Z",
    "C O N F I D E N T I A L", "S E C R E T", "É", "x", "INFO 12-34", " 7906", "/7906",
    "RUEH/7906", " 12", "-", "¶",
)  # fmt: skip
PRECEDENCE_LINE_RE = routing._PRECEDENCE_LINE_RE
SECTION_RE = routing._SECTION_RE
ROUTE_RE = re.compile(r"R[A-Z0-9]{3,7}$")
MCN_RE = re.compile(r"\d{1,6}(?:-\d{1,6})?$")
SKIP_RE = routing._SKIP_RE


def read_header_line_by_patterns(raw: str) -> HeaderLine:
    """read_header_line with every pattern tried on every line."""
    line = clean_header_line(raw)
    head = PRECEDENCE_LINE_RE.match(line)
    letters = (head[1], head[2] or head[1], parse_dtg(head[3])) if head else None
    section = SECTION_RE.match(line)
    return letters, section[1] if section else None, section[2] if section else line


def route_and_mcn_by_patterns(text: str) -> tuple[str | None, str | None]:
    head, slash, rest = text.partition("/")
    route = head.strip() if slash and ROUTE_RE.match(head.strip()) else None
    words = (rest if route else text).split()
    return route, words[-1] if words and MCN_RE.match(words[-1]) else None


def generated_lines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6))) for _ in range(count)]


def corpus_headers() -> list[str]:
    return [
        read_cablegate_page(path.read_bytes(), str(path)).header
        for path in sorted(CABLEGATE.glob("*.html"))
    ]


def assert_same_lines(lines: list[str]) -> None:
    for line in lines:
        assert read_header_line.__wrapped__(line) == read_header_line_by_patterns(line), line
        whole = addressee_fields(line) if line and not SKIP_RE.match(line) else None
        assert line_addressee(line) == whole, line
        fields = addressee_fields(line)
        if fields is not None:
            assert (fields[1], fields[3]) == route_and_mcn_by_patterns(line), line


def read_routing_every_line(header: str) -> object:
    """read_routing's Python reference with no line skipped (the patterns decide on
    every line)."""
    saved = routing._LINE_FIRSTS
    routing._LINE_FIRSTS = _Everything()  # type: ignore[assignment]
    try:
        return read_routing_python(header)
    finally:
        routing._LINE_FIRSTS = saved


class _Everything(frozenset[str]):
    def __contains__(self, item: object) -> bool:
        return True


def test_header_lines_read_as_by_their_patterns_on_the_corpus() -> None:
    headers = corpus_headers()
    assert len(headers) == 633
    assert_same_lines([line for header in headers for line in header.splitlines()])
    for header in headers:
        assert read_routing(header) == read_routing_every_line(header)


@pytest.mark.parametrize("seed", range(3))
def test_header_lines_read_as_by_their_patterns_on_generated_text(seed: int) -> None:
    lines = generated_lines(seed, 6000)
    assert_same_lines(lines)
    rng = random.Random(seed)
    for _ in range(1500):
        header = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 8)))
        assert read_routing(header) == read_routing_every_line(header), header
