"""The header parsers' fast paths give what the patterns they replace give: each is
checked against the plain regular expression it stands for, on every corpus body (and
header) and on generated text built from the pieces those patterns decide on (line
breaks of every kind, pilcrows, periods before an 8, ISO dates, non-ASCII letters,
digits and spaces). The caches return what an uncached call returns."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from loaders.assemble import clear_caches, read_structure
from loaders.header.authority import _AFTER_SENTENCE_RE, last_lines, without_signer_tail
from loaders.header.markings import _CAVEAT_RE, find_caveats
from loaders.header.preamble import MAX_PREAMBLE, find_preamble_end
from loaders.header.repair import _QUOTED_RE, close_quote, quote_pair, repair_quotes
from loaders.header.routing import parse_routing
from loaders.readers.html import read_cablegate_page
from tests.loaders.test_entities_corpus import CABLEGATE, read_body

#: The patterns the fast paths replace, as they were written.
FIRST_PARA_RE = re.compile(
    r"^\s*(?:¶\s*)?1\s*\.(?=\s|\()|^\s*¶\s*1\b|(?<=\s)¶\s*1\s*\.\s*\(", re.MULTILINE
)
SIGNER_TAIL_RE = re.compile(r"\s*(?:\.|\d{4}-\d{2}-\d{2})$")
CLOSE_RE = re.compile(r"8(?=\s|$)")
PIECES = (
    "¶", "1", "1.", "1. (", " ¶1. (C) ", "¶ 1 . (", "\n", "\n\n", "\r\n", "\r", "\x0b",
    "\x1c", "\u2028", "\x85", " ", "\t", "\u00a0", "a", "Z", "É", "é", "²", "٣", ".", ")",
    ",", "8", "it.8 ", "2009-01-02", "١٢٣٤-٠١-٠٢", "RICE", "Smith", "NOFORN", "noforn",
    "SIPDIS", "FOR OFFICIAL USE ONLY", "ſ", "K", "TAGS", "SUBJECT:", "x" * 60, "y" * 450,
    "&", "&word", "!8", "?8\n",
)  # fmt: skip


def corpus_bodies() -> list[str]:
    return [read_body(path) for path in sorted(CABLEGATE.glob("*.html"))]


def generated(count: int, seed: int, size: int = 40) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, size)))


def reference_preamble_end(body: str) -> int:
    match = FIRST_PARA_RE.search(body, 0, MAX_PREAMBLE)
    return match.start() if match else min(len(body), MAX_PREAMBLE)


def reference_caveats(lines: list[str]) -> tuple[str, ...]:
    found = {m[1].upper(): None for line in lines for m in _CAVEAT_RE.finditer(line)}
    return tuple(found)


@pytest.fixture(scope="module")
def bodies() -> list[str]:
    found = corpus_bodies()
    if not found:
        pytest.skip("corpus not available")
    return found


def test_preamble_end_is_the_first_paragraph_pattern(bodies: list[str]) -> None:
    for text in [*bodies, *generated(20000, seed=1)]:
        assert find_preamble_end(text) == reference_preamble_end(text), repr(text[:200])


def test_signer_tail_and_last_lines_as_the_patterns(bodies: list[str]) -> None:
    for text in [*bodies, *generated(20000, seed=2)]:
        for line in text.splitlines()[-6:] or [text]:
            assert without_signer_tail(line) == SIGNER_TAIL_RE.sub("", line.strip())
            candidate = line.strip()
            last = max(candidate.rfind("."), candidate.rfind(")"), 0)
            fast = _AFTER_SENTENCE_RE.search(candidate, last)
            slow = _AFTER_SENTENCE_RE.search(candidate)
            assert (fast and fast[1]) == (slow and slow[1])
        for tail, count in ((2000, 4), (450, 2), (401, 4), (3, 2)):
            assert last_lines(text, tail, count) == text.rstrip()[-tail:].splitlines()[-count:]


def test_caveats_of_ascii_text_as_ignoring_case(bodies: list[str]) -> None:
    for text in [*(b[:1500] for b in bodies), *generated(20000, seed=3)]:
        lines = text.splitlines()[:12]
        assert find_caveats(lines) == reference_caveats(lines), repr(text[:200])


def reference_quotes(text: str) -> str:
    if "&" in text:
        text = _QUOTED_RE.sub(lambda m: quote_pair(m, text), text)
    if "8" in text:
        text = CLOSE_RE.sub(lambda m: close_quote(m, text), text)
    return text


def test_closing_quotes_only_after_punctuation(bodies: list[str]) -> None:
    for text in [*bodies, *generated(20000, seed=4, size=20)]:
        assert repair_quotes(text) == reference_quotes(text), repr(text[:200])


def test_cached_records_equal_uncached_ones() -> None:
    paths = sorted(CABLEGATE.glob("*.html"))[:80]
    if not paths:
        pytest.skip("corpus not available")
    raws = [read_cablegate_page(path.read_bytes(), str(path)) for path in paths]
    clear_caches()
    first = [read_structure(raw, raw.id or "", raw.body) for raw in raws]
    again = [read_structure(raw, raw.id or "", raw.body) for raw in raws]  # cache hits
    clear_caches()
    assert [repr(c) for c in first] == [repr(c) for c in again]
    assert [repr(parse_routing(raw.header)) for raw in raws] == [
        repr(parse_routing(raw.header)) for raw in raws
    ]
