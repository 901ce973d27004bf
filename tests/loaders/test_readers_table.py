"""The compiled search for a page's metadata table (``html_table_c.table_start``) gives
what its reference (two ``bytes.find``) gives: on every corpus page, and on generated
pages holding the single- and double-quoted marks, near misses and ``<t`` everywhere,
at every offset a 16-byte block can put them."""

from __future__ import annotations

import random

import pytest

from loaders.readers import html
from loaders.readers.html import table_start, table_start_python
from tests.loaders.test_entities_corpus import CABLEGATE

MARK = b"<table class='cable'>"
MARK_DQ = b'<table class="cable">'
PIECES = (
    MARK, MARK_DQ, MARK[:-1], MARK_DQ[:-1], MARK[1:], b"<t", b"<ta", b"<table", b"<td>",
    b"<table class='cables'>", b"<TABLE class='cable'>", b"<", b"t", b"x", b" ", b"\n",
    b"\x00", b"\xff", "é".encode(), b"x" * 15, b"x" * 16, b"x" * 17, b"<" * 3, b"t" * 3,
)  # fmt: skip

needs_compiled = pytest.mark.skipif(
    table_start is table_start_python, reason="html_table_c is not built"
)


@needs_compiled
def test_the_compiled_search_is_in_use() -> None:
    assert html.table_start.__module__ == "loaders.readers.html_table_c"


def test_corpus_pages() -> None:
    pages = sorted(CABLEGATE.glob("*.html"))
    assert len(pages) == 633
    found = 0
    for path in pages:
        data = path.read_bytes()
        start = table_start(data)
        assert start == table_start_python(data), path.name
        found += start >= 0
        # the page cut just before, inside and just after its mark
        for cut in (start, start + 10, start + len(MARK) - 1, start + len(MARK)):
            if cut >= 0:
                assert table_start(data[:cut]) == table_start_python(data[:cut]), path.name
    assert found == 633


def test_generated_pages() -> None:
    rng = random.Random(2026)
    for _ in range(20_000):
        data = b"".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        assert table_start(data) == table_start_python(data), data


@pytest.mark.parametrize("mark", [MARK, MARK_DQ])
def test_a_mark_at_every_offset_and_length(mark: bytes) -> None:
    for before in range(40):
        for after in range(3):
            data = b"<t" * (before // 2) + b"x" * (before % 2) + mark + b"y" * after
            assert table_start(data) == table_start_python(data) == before
        cut = (b"x" * before + mark)[:-1]
        assert table_start(cut) == table_start_python(cut) == -1


def test_the_single_quoted_mark_wins_over_an_earlier_double_quoted_one() -> None:
    data = b"nav " + MARK_DQ + b" then " + MARK
    assert table_start(data) == table_start_python(data) == data.index(MARK)
    assert table_start(b"") == -1
