"""The plain-layout reader of Cablegate pages gives what the HTML parser (lexbor) gives,
or declines: on every corpus page and on generated pages built from what it decides on
(entities, bare ``&``, links, other tags, line breaks, 1- 2- and 4-byte text); and the
compiled block walk equals its pure-Python reference."""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

from loaders.readers import html_plain
from loaders.readers.html import cable_part
from loaders.readers.html_plain import Layout, block_at_python, read_plain_layout
from tests.loaders.test_entities_corpus import CABLEGATE

CELL = "<td>\n<a href='/cable/{0}.html'{1}>{0}</a>\n</td>\n"
PIECES = (
    "a", "REF: ", "1. (C) Text", " ", "\n", "\t", "&#x000A;", "&#x000A;&#x000A;", "&",
    "& ", "&&", "&#", "&#x000D;", "&amp;", "&A", "&not", "&para;", "&8", "&-", "&\n",
    "<a href='/cable/2008/06/08TOKYO1464.html'>", "<a id='r1' href='/c/1.html'>", "</a>",
    "<a href='/x&#x000A;y'>", "<a href='/x&y'>", "<a  href='/x'>", "<a href=\"/x\">",
    "<a id='r' title='t' href='/x'>", "<br>", "<br />", "<b>", "</b>", "<", ">", "'",
    "<!-- c -->", "é", "’", "😀", "¶", "\u2028", "PRE", "pre", "</pre",
)  # fmt: skip
needs_compiled = pytest.mark.skipif(not html_plain.COMPILED, reason="html_plain_c not built")


def by_lexbor(part: str) -> Layout:
    """The cells and blocks as the HTML reader takes them (the reference)."""
    tree = LexborHTMLParser(part)
    cells = [td.text(strip=True) for td in tree.tags("td")][:5]
    return cells, [pre.text() for pre in tree.tags("pre")]


def page(blocks: list[str], cells: str = "", tail: str = "\n</div>\n</body>\n</html>") -> str:
    """A page part in the Cablegate layout with the given raw block contents."""
    head = "".join(CELL.format(v, " title='t'" if v == "D" else "") for v in "ABCDE")
    table = f"<table class='cable'>\n<tr>\n<th>ID</th>\n</tr>\n<tr>\n{head}{cells}</tr>\n</table>\n"
    return table + "".join(f"<code><pre>{b}</pre></code>\n" for b in blocks) + tail


def generated_blocks(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_corpus_pages_read_as_lexbor_reads_them() -> None:
    taken = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        part = cable_part(path.read_bytes()).decode()
        layout = read_plain_layout(part)
        if layout is not None:
            taken += 1
            assert layout == by_lexbor(part), path.name
    assert taken >= 570  # 579 of the 633 pages: the others have bare entities or tags


def test_generated_pages_read_as_lexbor_reads_them_or_are_declined() -> None:
    taken = 0
    for raw in generated_blocks(7, 3000):
        part = page(["HEADER&#x000A;", raw])
        layout = read_plain_layout(part)
        if layout is not None:
            taken += 1
            assert layout == by_lexbor(part), repr(raw)
    assert 200 < taken < 3000  # both outcomes are exercised


@pytest.mark.parametrize(
    ("part", "why"),
    [
        (page(["a\r\nb"]), "carriage return"),
        (page(["a\x00b"]), "NUL"),
        (page(["a &amp; b"]), "named entity"),
        (page(["a &#233; b"]), "numeric entity"),
        (page(["<a href='/x'>X</a> lead"]), "block opening with a tag"),
        (page(["a<br>b"]), "other tag"),
        (page(["a"], tail="<PRE>b</PRE>"), "a block in capitals after"),
        (page(["a"], cells="<td>x</td>"), "a sixth cell is fine"),
        (page([]), "no block"),
        (page(["a"]).replace("<td>", "<TD>", 1), "a cell in capitals"),
        (page(["a"]).replace("</pre></code>", "</pre>"), "a block not closed as usual"),
    ],
)
def test_departures_from_the_layout(part: str, why: str) -> None:
    layout = read_plain_layout(part)
    if why == "a sixth cell is fine":
        assert layout == by_lexbor(part)
    else:
        assert layout is None, why


def test_leading_line_break_is_dropped_once() -> None:
    for raw in ("\nA", "&#x000A;A", "\n\nA", "&#x000A;\nA", "\n&#x000A;A"):
        part = page([raw])
        assert read_plain_layout(part) == by_lexbor(part), repr(raw)


@needs_compiled
def test_compiled_walk_equals_reference() -> None:
    texts = [page(["H", raw]) for raw in generated_blocks(11, 3000)]
    texts += [cable_part(p.read_bytes()).decode() for p in sorted(CABLEGATE.glob("*.html"))]
    for text in texts:
        for start in {0, text.find("<pre>") + 5, text.rfind("<pre>") + 5, len(text)}:
            assert html_plain.block_at(text, start) == block_at_python(text, start), text
    for kind_char in ("", "é", "’", "😀"):  # 1-, 2- and 4-byte strings
        for raw in generated_blocks(13, 500):
            text = f"<pre>{kind_char}{raw}</pre>"
            assert html_plain.block_at(text, 5) == block_at_python(text, 5), repr(text)
            text = f"<pre>{raw}{kind_char}</pre>"
            assert html_plain.block_at(text, 5) == block_at_python(text, 5), repr(text)


@needs_compiled
def test_compiled_walk_rejects_a_start_outside_the_part() -> None:
    with pytest.raises(IndexError, match="start 9 outside"):
        html_plain.block_at("<pre>", 9)


CELL_PIECES = (
    "<td>", "</td>", "<TD>", "<Td", "<a href='/c/x.html'>", "<a href='/c/x.html' title='t'>",
    "<a href='/x' title='t&'>", "<a href='x<'>", "<a  href='/x'>", "</a>", "X", " X ",
    "\xa0X\u3000", "é", "😀", " ", "\n", "\t", "\r", "\x00", "&", "<", ">", "'", "</table>",
    "<code><pre>", "</pre></code>", "pre", "PrE",
)  # fmt: skip


def generated_parts(seed: int, count: int) -> list[str]:
    """Page parts with generated cells (well- and ill-formed), blocks and tails."""
    rng = random.Random(seed)
    parts = []
    for raw in generated_blocks(seed, count):
        cells = "".join(rng.choice(CELL_PIECES) for _ in range(rng.randint(0, 4)))
        part = page(["H&#x000A;", raw], cells=cells)
        if rng.random() < 0.3:  # a cell broken at some point
            at = rng.randrange(len(part))
            part = part[:at] + rng.choice(CELL_PIECES) + part[at:]
        parts.append(part)
    return parts


@needs_compiled
def test_compiled_layout_equals_reference() -> None:
    parts = generated_parts(17, 4000)
    parts += [cable_part(p.read_bytes()).decode() for p in sorted(CABLEGATE.glob("*.html"))]
    taken = 0
    for part in parts:
        expected = html_plain.read_plain_layout_python(part)
        taken += expected is not None
        assert html_plain.read_plain_layout(part) == expected, repr(part)
        for cut in (len(part) // 3, len(part) - 20):  # cut pages decline alike
            assert html_plain.read_plain_layout(part[:cut]) == (
                html_plain.read_plain_layout_python(part[:cut])
            )
    assert taken > 700  # the 579 plain corpus pages and generated ones
    for kind_char in ("é", "’", "😀"):  # 2- and 4-byte strings: in a cell, a block, the tail
        for part in generated_parts(19, 300):
            for text in (part.replace(" ", kind_char, 1), part + kind_char):
                assert html_plain.read_plain_layout(text) == (
                    html_plain.read_plain_layout_python(text)
                ), repr(text)
