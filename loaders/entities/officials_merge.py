"""One entry per person per cable: merging the mentions of an official.

``Koumura`` and ``Foreign Minister Masahiko Koumura`` are one person when the words of
one name are all in the other; the entry keeps the fullest name, the longest title and
the first affiliation given.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from loaders.record import Official
from loaders.record_maker import make_official


def merge_officials(officials: Sequence[Official]) -> tuple[Official, ...]:
    """One entry per person: names whose words are contained in another's are merged.

    >>> merge_officials([Official("Koumura", "Foreign Minister", None),
    ...                  Official("Masahiko Koumura", "Minister", "Japan")])
    (Official(name='Masahiko Koumura', title='Foreign Minister', affiliation='Japan'),)
    """
    merged: list[Official] = []
    keys: list[frozenset[str]] = []
    by_word: dict[str, set[int]] = {}  # word -> positions whose key holds it
    for official in officials:
        key = name_words(official.name)
        candidates: set[int] = set()
        for word in key:
            if word in by_word:
                candidates |= by_word[word]
        position = next((i for i in sorted(candidates) if key <= keys[i] or keys[i] <= key), None)
        if position is None:
            position = len(merged)
            merged.append(official)
            keys.append(key)
        else:
            merged[position] = merge_pair(merged[position], official)
            if key <= keys[position]:
                continue  # its words already point here
            keys[position] = keys[position] | key
        for word in key:
            by_word.setdefault(word, set()).add(position)
    return tuple(merged)


@lru_cache(maxsize=1 << 14)
def name_words(name: str) -> frozenset[str]:
    """The words of a name in capitals, the key that mentions are compared by (cached:
    names recur across cables).

    >>> sorted(name_words("Masahiko Koumura"))
    ['KOUMURA', 'MASAHIKO']
    """
    return frozenset(name.upper().split())


def merge_pair(first: Official, second: Official) -> Official:
    """The longer name, the longer title, the first affiliation of two mentions.

    >>> merge_pair(Official("Hamm", None, "OSD"), Official("Jason Hamm", "Director", None))
    Official(name='Jason Hamm', title='Director', affiliation='OSD')
    """
    name = second.name if len(second.name) > len(first.name) else first.name
    title = first.title
    if not title or (second.title and len(second.title) > len(title)):
        title = second.title or None
    affiliation = first.affiliation or second.affiliation
    if name is first.name and title is first.title and affiliation is first.affiliation:
        return first  # nothing new: a repeated mention
    return make_official(name, title, affiliation)
