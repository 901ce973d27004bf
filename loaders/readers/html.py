"""Reader for a Cablegate web page (December 2010 layout): a metadata table and two
``<pre>`` blocks (routing header, body). Only the part from the metadata table on is
read, so the large navigation column costs nothing; a part in the plain layout is read by
:mod:`loaders.readers.html_plain` (string walks), any other by the HTML parser (lexbor).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from loaders.readers.html_plain import read_plain_layout
from loaders.readers.raw import RawCable, ReadError

_TABLE_MARK = b"<table class='cable'>"
_TABLE_MARK_DQ = b'<table class="cable">'
_PARTIAL_NOTE = "This record is a partial extract of the original cable."


def looks_like_cablegate(data: bytes) -> bool:
    """True for a Cablegate cable page.

    >>> looks_like_cablegate(b"<html><table class='cable'><tr></tr></table></html>")
    True
    """
    # the opening first: it is short, and a page's table is far in (the marks would be
    # searched for through all of ``data``)
    head = data[:200].lstrip().lower()
    return (
        head.startswith((b"<?xml", b"<!doctype html", b"<html"))
        or _TABLE_MARK in data
        or _TABLE_MARK_DQ in data
    )


def table_start_python(data: bytes) -> int:
    """Where the metadata table starts (-1 when the page has none). Searched once per
    page: the navigation column before it is most of the page (~35 kB). Reference of the
    compiled ``html_table_c.table_start`` (one pass instead of two ``find``).

    >>> table_start_python(b"<div>nav</div><table class='cable'>")
    14
    >>> table_start_python(b'<table class="cable">' + b"<table class='cable'>")
    21
    >>> table_start_python(b"<html>")
    -1
    """
    start = data.find(_TABLE_MARK)
    return data.find(_TABLE_MARK_DQ) if start < 0 else start


try:  # the compiled search, built by ``pip install`` (html_table_c.pyx); same offsets
    from loaders.readers.html_table_c import table_start as table_start
except ImportError:  # pragma: no cover - a checkout that was never built
    table_start = table_start_python


def cable_part(data: bytes, start: int | None = None) -> bytes:
    """The bytes from the metadata table on (the whole page when it has none);
    ``start`` is :func:`table_start` when the caller has it already."""
    start = table_start(data) if start is None else start
    return data[start:] if start >= 0 else data


def read_cablegate_page(data: bytes, source: str) -> RawCable:
    """The parts of one Cablegate page; :class:`ReadError` when it has no cable."""
    start = table_start(data)
    try:
        text = cable_part(data, start).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(f"not valid UTF-8 at byte {error.start}") from None
    layout = read_plain_layout(text) if start >= 0 else None
    if layout is not None:
        cells, pres = layout
    else:
        tree = LexborHTMLParser(text)
        # tags() is cheaper than a CSS query; the part starts at the metadata table, so
        # its first five cells are the metadata (a page without the table has none)
        cells = [td.text(strip=True) for td in tree.tags("td")][:5] if start >= 0 else []
        pres = [pre.text() for pre in tree.tags("pre")]
    if len(cells) < 5 and not pres:
        raise ReadError("HTML page without a cable (no metadata table, no <pre> block)")
    cells += [""] * (5 - len(cells))
    header, body = split_pres(pres)
    return RawCable(
        source=source,
        id=cells[0] or None,
        created=cells[1] or None,
        marking=cells[3] or None,
        office=cells[4] or None,
        header=header,
        body=body,
    )


def split_pres(pres: list[str]) -> tuple[str, str]:
    """(header, body) of the page's ``<pre>`` blocks; a partial-extract note is dropped
    from the header (a DTG that follows it is kept)."""
    if not pres:
        return "", ""
    if len(pres) == 1:
        return "", pres[0]
    header = pres[0].replace(_PARTIAL_NOTE, "")
    header = header.replace("The full text of the original cable is not available.", "")
    return header.strip(), "\n".join(pres[1:])
