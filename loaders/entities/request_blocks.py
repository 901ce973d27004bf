"""Action requests addressed to posts by name: ``FOR OTTAWA, PARIS, BERLIN, ROME, AND
LONDON:  Embassies are requested to ...``, ``FOR USNATO (POINTS REL NATO) :``,
``FOR ALL POSTS (except Moscow, Paris):``. See :mod:`loaders.entities.requests`.

A block starts on a line holding ``FOR`` and a space or tab; only those lines are read
(:func:`iter_for_blocks`), the offsets of ``FOR`` found with the request verbs in one
walk over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Final, NamedTuple

from loaders.entities.deadlines import find_deadline
from loaders.entities.stations import is_station, station_key
from loaders.entities.text import collapse_spaces
from loaders.record import PostRef

_FOR_BLOCK: Final = re.compile(
    r"\n[ \t]*(?:¶?[ \t]*\d{1,3}[ \t]*\.[ \t]*(?:\([A-Za-z/ ]{1,12}\)[ \t]*)?)?(?:--[ \t]*)?"
    r"(?:ACTION[ \t]+)?FOR[ \t]+(?P<posts>[A-Z][A-Z .,'&\-\n]{0,200}?)[ \t]*"
    r"(?P<note>\([^)]{0,120}\)[ \t]*)?:"
)
_POST_SPLIT: Final = re.compile(r"\s*,\s*(?:AND\s+)?|\s+AND\s+|\s*&\s*")
_ALL_POSTS: Final = frozenset(
    {
        "ALL POSTS",
        "POSTS",
        "ALL ADDRESSEES",
        "ALL ACTION ADDRESSEES",
        "ACTION ADDRESSEES",
        "ALL EMBASSIES",
        "ALL",
    }
)
_BLOCK_END: Final = re.compile(
    r"\n[ \t]*\n|\n[ \t]*-{1,2}[ \t]|\n[ \t]*(?:[A-Za-z]|\d{1,2})[.)][ \t]"
)
#: Where a ``FOR ...:`` block may start: its first line holds one of these.
FOR_MARKS: Final = ("FOR ", "FOR\t")
#: The longest action read after a request (characters).
MAX_ACTION: Final = 500


class Ask(NamedTuple):
    """One request found in the text: the posts (None = the action addressees)."""

    posts: tuple[PostRef, ...] | None
    action: str
    deadline: str | None
    excluded: frozenset[str] = frozenset()  # post keys left out: "(except Moscow, Paris)"


def parse_post_list(raw: str, addressees: Sequence[str]) -> tuple[PostRef, ...] | None:
    """Posts named in ``FOR ...:``; ``()`` for "all posts"; None when it names no post.

    >>> [p.key for p in parse_post_list("OTTAWA, PARIS, BERLIN, ROME, AND LONDON", [])]
    ['OTTAWA', 'PARIS', 'BERLIN', 'ROME', 'LONDON']
    >>> parse_post_list("ALL POSTS", []), parse_post_list("THE RECORD", [])
    ((), None)
    """
    names = [name for name in _POST_SPLIT.split(collapse_spaces(raw)) if name]
    if any(name in _ALL_POSTS for name in names):
        return ()
    posts = [PostRef(key=station_key(name), name=name) for name in names]
    known = [post for post in posts if is_station(post.key, addressees)]
    return tuple(known) if known and len(known) * 2 >= len(posts) else None


def block_action(text: str, start: int) -> str:
    """The instruction after a ``FOR ...:`` line, up to a blank line or the first bullet.

    >>> block_action("FOR KABUL:  Request Embassy convey\\npoints below.\\n\\n-- A", 10)
    'Request Embassy convey points below.'
    """
    end = _BLOCK_END.search(text, start, start + MAX_ACTION)
    action = collapse_spaces(text[start : end.start() if end else start + MAX_ACTION]).rstrip(":")
    if not action and end is not None:
        return block_action(text, end.end()) if end.end() < len(text) else ""
    return action


def iter_for_blocks(text: str, fors: Iterable[int]) -> Iterator[re.Match[str]]:
    """The ``FOR ...:`` blocks that ``_FOR_BLOCK.finditer(text)`` finds, read only from
    the lines of the offsets ``fors`` (sorted): where ``FOR`` and a space or tab are, as
    on the first line of every block.

    >>> from loaders.entities.occurrences import occurrence_offsets
    >>> text = "\\nFOR KABUL: Act.\\nFOR NOW\\nFOR PARIS: Go."
    >>> [m.group("posts") for m in iter_for_blocks(text, occurrence_offsets(text, FOR_MARKS))]
    ['KABUL', 'NOW\\nFOR PARIS']
    """
    end, tried = 0, -1
    for at in fors:
        line = text.rfind("\n", end, at)
        if line > tried:  # a line not tried yet, after the last block
            tried = line
            match = _FOR_BLOCK.match(text, line)
            if match is not None:
                end = match.end()
                yield match


def block_asks(
    text: str, blocks: Iterable[re.Match[str]], cable_date: str | None, addressees: Sequence[str]
) -> Iterator[Ask]:
    """The requests of the ``FOR ...:`` blocks that name posts: ``FOR OTTAWA, PARIS:``.

    >>> from loaders.entities.occurrences import occurrence_offsets
    >>> text = "\\nFOR USNATO (POINTS REL NATO) :  Request Chief of Mission convey points."
    >>> blocks = iter_for_blocks(text, occurrence_offsets(text, FOR_MARKS))
    >>> [(a.posts[0].key, a.action) for a in block_asks(text, blocks, None, [])]
    [('USNATO', 'Request Chief of Mission convey points.')]
    """
    for match in blocks:
        posts = parse_post_list(match.group("posts"), addressees)
        if posts is None:
            continue
        action = block_action(text, match.end())
        excluded = excepted_posts(match.group("note") or "")
        yield Ask(posts or None, action, find_deadline(action, cable_date), excluded)


def excepted_posts(note: str) -> frozenset[str]:
    """Post keys a ``(except Moscow, Paris, ...)`` note leaves out of "all posts".

    >>> sorted(excepted_posts("(except Moscow, Paris, Beijing, \\nLondon and Berlin)"))
    ['BEIJING', 'BERLIN', 'LONDON', 'MOSCOW', 'PARIS']
    """
    lowered = note.lower()
    at = lowered.find("except")
    if at < 0:
        return frozenset()
    names = _POST_SPLIT.split(collapse_spaces(note[at + 6 :].strip(" )")).upper())
    return frozenset(key for key in map(station_key, names) if is_station(key))
