"""Countries and places named in the text.

Countries come from the lexicon (names, short forms, demonyms and government
acronyms: ``Japanese`` and ``GOJ`` → JA). Places are known cities and regions from the
lexicon, plus names the text itself marks as places: ``Daykundi or Nimruz provinces``,
``Helmand Province``, ``in Kandahar`` (a single capitalised word after ``in`` / ``near``
that is nothing else we know).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from loaders.entities.common_words import COMMON_WORDS
from loaders.entities.lexicon import LEXICON, EntryKind, Hit, iter_hits
from loaders.entities.scan import Segment, bare_word, scan_segments
from loaders.entities.title_words import NOT_NAMES
from loaders.record import Country

_PLACE_NOUN: Final = re.compile(
    r"[ \t\n]+(?:province|provinces|district|districts|city|region|valley|governorate|"
    r"prefecture|oblast|county|municipality|airport|airbase)\b"
)
_PLACE_SUFFIX_WORDS: Final = frozenset(
    [
        "Province",
        "Provinces",
        "District",
        "City",
        "Region",
        "Valley",
        "Governorate",
        "Prefecture",
        "Oblast",
        "County",
        "Municipality",
        "Airport",
    ]
)
_PLACE_SUFFIXES: Final = _PLACE_SUFFIX_WORDS | {f"{word}." for word in _PLACE_SUFFIX_WORDS}
_PLACE_PREPOSITIONS: Final = (" in ", " near ", "\nin ", "\nnear ")
_LIST_GAPS: Final = frozenset({" or ", " and ", ", ", " , ", ",\n", " or\n", "\nor "})


def countries_from_hits(hits: Iterable[Hit]) -> tuple[Country, ...]:
    """Unique countries, in order of first mention.

    >>> from loaders.entities.scan import scan_segments
    >>> countries_from_hits(iter_hits(scan_segments("Japanese and GOJ officials in Tokyo")))
    (Country(code='JA', name='Japan'),)
    """
    seen: dict[str, Country] = {}
    for hit in hits:
        if hit.entry.kind is EntryKind.COUNTRY and hit.entry.key not in seen:
            seen[hit.entry.key] = Country(code=hit.entry.key, name=hit.entry.name)
    return tuple(seen.values())


def is_place_word(word: str) -> bool:
    """Could ``word`` (bare) name a place the lexicon does not know?

    >>> [is_place_word(w) for w in ("Daykundi", "June", "NATO", "Embassy", "Japan")]
    [True, False, False, False, False]
    """
    return (
        len(word) > 2
        and word[0].isupper()
        and not word.isupper()
        and word not in LEXICON
        and word not in NOT_NAMES
        and word.lower() not in COMMON_WORDS
        and word.replace("-", "").isalpha()
    )


def places_before_noun(text: str, segments: Sequence[Segment], index: int) -> list[str]:
    """Places named before ``province(s)``, ``district`` ...: ``Daykundi or Nimruz``.

    >>> text = "in Daykundi or Nimruz provinces"
    >>> places_before_noun(text, scan_segments(text), 1)
    ['Nimruz', 'Daykundi']
    """
    segment = segments[index]
    if _PLACE_SUFFIXES.isdisjoint(segment.words) and not _PLACE_NOUN.match(text, segment.end):
        return []
    words = [bare_word(word) for word in segment.words if word != "and"]
    last = words[-1] if words[-1] not in _PLACE_SUFFIX_WORDS else None
    if last is None or not _PLACE_NOUN.match(text, segment.end):
        suffix_at = [i for i, word in enumerate(words) if word in _PLACE_SUFFIX_WORDS]
        return [words[i - 1] for i in suffix_at if i > 0 and is_place_word(words[i - 1])]
    found = [word for word in words if is_place_word(word)][-1:]
    while index > 0 and text[segments[index - 1].end : segments[index].start] in _LIST_GAPS:
        index -= 1
        word = bare_word(segments[index].words[-1])
        if not is_place_word(word):
            break
        found.append(word)
    return found


def place_after_preposition(text: str, segment: Segment) -> str | None:
    """A lone unknown capitalised word after ``in`` / ``near``: ``in Daykundi``.

    >>> text = "a team in Daykundi and in June"
    >>> [place_after_preposition(text, s) for s in scan_segments(text)]
    ['Daykundi', None]
    """
    before = text[max(segment.start - 6, 0) : segment.start]
    if len(segment.words) != 1 or not before.endswith(_PLACE_PREPOSITIONS):
        return None
    word = bare_word(segment.words[0])
    return word if is_place_word(word) else None


def find_places(text: str, segments: Sequence[Segment], hits: Iterable[Hit]) -> tuple[str, ...]:
    """Known places from the lexicon hits and places the text marks, first mention first."""
    found: dict[str, None] = {}
    for hit in hits:
        if hit.entry.kind is EntryKind.PLACE:
            found.setdefault(hit.entry.name, None)
    for index, segment in enumerate(segments):
        for named in places_before_noun(text, segments, index):
            found.setdefault(named, None)
        single = place_after_preposition(text, segment)
        if single is not None:
            found.setdefault(single, None)
    return tuple(found)


def extract_places(text: str) -> tuple[str, ...]:
    """Places named in ``text``.

    >>> extract_places("Meetings in Kyoto; a PRT in Daykundi or Nimruz provinces.")
    ('Kyoto', 'Daykundi', 'Nimruz')
    """
    segments = scan_segments(text)
    return find_places(text, segments, list(iter_hits(segments)))
