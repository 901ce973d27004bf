"""The plain Cablegate page layout read with string operations, without an HTML parser.

Nearly every Cablegate page has the same markup from its metadata table on: five
``<td>`` cells each holding one link, then ``<code><pre>`` blocks whose text has its line
breaks written as ``&#x000A;`` and links around cited cable ids. Reading that with
``str.find`` costs about a third of a parse with lexbor. Anything else (another entity, a
bare ``&``, another tag, a carriage return, a NUL, an unexpected cell) makes
:func:`read_plain_layout` answer ``None``, and the HTML parser reads the page: the two
readers give the same cells and blocks (a test compares them on every corpus page and on
pages that depart from the layout).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, TypeAlias

#: The five metadata cells and the text of every ``<pre>`` block.
Layout: TypeAlias = tuple[list[str], list[str]]

_CELL: Final = re.compile(
    r"<td>[ \t\n]*<a href='[^'<>&]*'(?: title='[^'<>&]*')?>([^<>&]*)</a>[ \t\n]*</td>[ \t\n]*"
)
_BLOCK_OPEN: Final = re.compile(r"[ \t\n]*<code><pre>")
_LINK_OPEN: Final = re.compile(r"<a (?:id='[^'<>&]*' )?href='[^'<>&]*'>")
_NEWLINE_REF: Final = "&#x000A;"
#: Where HTML parsing reads a character reference: ``&`` then a letter, digit or ``#``.
_REFERENCE_START: Final = re.compile(r"&[A-Za-z0-9#]")


def read_plain_layout_python(part: str) -> Layout | None:
    """Cells and ``<pre>`` texts of a page part that starts at its metadata table, or
    ``None`` when the part departs from the plain layout. Reference of the compiled
    ``html_plain_c.read_layout`` (:func:`read_plain_layout` when built).

    >>> cell = "<td>\\n<a href='/c/x.html'>{}</a>\\n</td>"
    >>> page = ("<table class='cable'><tr><th>Id</th></tr><tr>"
    ...     + "".join(cell.format(v) for v in "ABCDE") + "</tr></table>\\n"
    ...     + "<code><pre>H&#x000A;</pre></code>\\n<code><pre>\\nREF: <a href='/x'>X</a>"
    ...     + "&#x000A;1. Text</pre></code>\\n</body>")
    >>> read_plain_layout_python(page)
    (['A', 'B', 'C', 'D', 'E'], ['H\\n', 'REF: X\\n1. Text'])
    >>> read_plain_layout_python(page.replace("Text", "Text &amp; more")) is None
    True
    """
    if "\r" in part or "\x00" in part:
        return None  # the HTML parser normalises or drops these
    table_end = part.find("</table>")
    cells = read_cells(part, table_end)
    if cells is None:
        return None
    blocks: list[str] = []
    at = table_end + len("</table>")
    while (opened := _BLOCK_OPEN.match(part, at)) is not None:
        found = block_at(part, opened.end())
        if found is None or not part.startswith("</pre></code>", found[1]):
            return None
        blocks.append(found[0])
        at = found[1] + len("</pre></code>")
    if not blocks or "pre" in part[at:].lower():
        return None  # no block, or one this reader did not take
    return cells, blocks


def read_cells(part: str, table_end: int) -> list[str] | None:
    """The stripped text of the first five cells when each is one plain link."""
    if table_end < 0:
        return None
    at = part.find("<td", 0, table_end)
    if at < 0 or "<td" in part[:at].lower():
        return None  # a cell in other letter case before the first plain one
    cells: list[str] = []
    for _ in range(5):
        cell = _CELL.match(part, at)
        if cell is None:
            return None
        cells.append(cell[1].strip())
        at = cell.end()  # the next cell follows at once (white space only between)
    return cells


def block_at_python(part: str, start: int) -> tuple[str, int] | None:
    """``(text, end)`` of the ``<pre>`` block whose content starts at ``start`` and ends
    at the first ``</pre>`` (at ``end``): ``&#x000A;`` made line breaks, links dropped,
    the line break right after ``<pre>`` dropped (as HTML parsing does); ``None`` for any
    other entity or markup, or no ``</pre>``. Reference of the compiled
    ``html_plain_c.block_at``.

    >>> block_at_python("<pre>&#x000A;A<a href='/x'>B</a>&#x000A;C</pre>", 5)
    ('AB\\nC', 41)
    """
    end = part.find("</pre>", start)
    if end < 0 or part.startswith("<", start):
        return None  # (after a leading tag the line break rule would apply to the next)
    raw = part[start:end]
    if "&" in raw:  # entities first: a link dropped must not join two halves of one
        raw = raw.replace(_NEWLINE_REF, "\n")
        if _REFERENCE_START.search(raw):
            return None  # another character reference (an ``&`` before others is text)
    if "<" in raw:
        raw = drop_links(raw)  # type: ignore[assignment]
        if raw is None:
            return None
    return (raw[1:] if raw.startswith("\n") else raw), end


def drop_links(raw: str) -> str | None:
    """``raw`` without its ``<a ...>`` and ``</a>`` tags; ``None`` for any other tag.

    >>> drop_links("REF: <a id='r' href='/c/1.html'>08X1</a>, <a href='/c/2'>08X2</a>")
    'REF: 08X1, 08X2'
    >>> drop_links("A<br>B") is None
    True
    """
    pieces: list[str] = []
    at = 0
    while (tag := raw.find("<", at)) >= 0:
        pieces.append(raw[at:tag])
        if raw.startswith("</a>", tag):
            at = tag + 4
            continue
        link = _LINK_OPEN.match(raw, tag)
        if link is None:
            return None
        at = link.end()
    pieces.append(raw[at:])
    return "".join(pieces)


try:  # the compiled walks, built by ``pip install`` (html_plain_c.pyx); same results
    from loaders.readers.html_plain_c import block_at as block_at
    from loaders.readers.html_plain_c import read_layout as _read_layout
except ImportError:  # pragma: no cover - a checkout that was never built
    block_at = block_at_python
    _read_layout = read_plain_layout_python

#: Cells and ``<pre>`` texts of a page part in the plain layout, or ``None``
#: (:func:`read_plain_layout_python`, compiled when built).
read_plain_layout: Final[Callable[[str], Layout | None]] = _read_layout

#: True when the compiled walks (``html_plain_c``) are in use.
COMPILED: Final = block_at is not block_at_python
