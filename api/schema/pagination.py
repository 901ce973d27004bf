"""Cursor pagination: opaque cursors over offsets, ``PageInfo`` and the page window.

A cursor encodes the offset of one item; ``after`` resumes just past it.

>>> encode_cursor(41)
'b2Zmc2V0OjQx'
>>> decode_cursor(encode_cursor(41))
41
>>> start_offset(None), start_offset(encode_cursor(9))
(0, 10)
>>> decode_cursor("nope")
Traceback (most recent call last):
...
api.schema.pagination.CursorError: cursor 'nope' is not a cursor this API issued
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

import strawberry

_PREFIX = "offset:"


class CursorError(ValueError):
    """An ``after`` argument that is not a cursor this API issued."""


def encode_cursor(offset: int) -> str:
    """The opaque cursor of the item at ``offset``."""
    return base64.b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    """The offset a cursor stands for; :class:`CursorError` for anything else."""
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    number = text.removeprefix(_PREFIX)
    if not text.startswith(_PREFIX) or not number.isdigit():
        raise CursorError(f"cursor {cursor!r} is not a cursor this API issued")
    return int(number)


def start_offset(after: str | None) -> int:
    """The offset of the first item of a page that starts after ``after``."""
    return 0 if after is None else decode_cursor(after) + 1


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@dataclass(frozen=True, slots=True)
class Window:
    """A page: its first offset, its length, and the total over all pages.

    >>> Window(offset=20, count=10, total=35).page_info().has_next_page
    True
    >>> Window(offset=0, count=0, total=0).page_info().end_cursor is None
    True
    """

    offset: int
    count: int
    total: int

    def cursors(self) -> list[str]:
        """The cursor of each item of the page, in order."""
        return [encode_cursor(self.offset + i) for i in range(self.count)]

    def page_info(self) -> PageInfo:
        """Relay ``PageInfo`` of this page."""
        last = self.offset + self.count - 1
        return PageInfo(
            has_next_page=self.offset + self.count < self.total,
            has_previous_page=self.offset > 0,
            start_cursor=encode_cursor(self.offset) if self.count else None,
            end_cursor=encode_cursor(last) if self.count else None,
        )
