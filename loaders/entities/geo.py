"""Countries and places named in the text.

Countries come from the lexicon (names, short forms, demonyms and government
acronyms: ``Japanese`` and ``GOJ`` → JA). Places are known cities and regions from the
lexicon, plus names the text itself marks as places: ``Daykundi or Nimruz provinces``,
``Helmand Province``, ``in Kandahar`` (a single capitalised word after ``in`` / ``near``
that is nothing else we know).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

from loaders.entities.common_words import COMMON_WORDS
from loaders.entities.lexicon import LEXICON, Entry, EntryKind, Hit, collect_hits
from loaders.entities.occurrences import (
    offsets_and_capitalised_after,
    offsets_and_capitalised_after_python,
)
from loaders.entities.scan import scan_segments
from loaders.entities.title_words import NOT_NAMES
from loaders.record import Country

__all__ = [
    "COMPILED_KINDS",
    "COMPILED_MARKS",
    "NOT_PLACES",
    "PLACE_NOUNS",
    "PLACE_SUFFIXES",
    "countries_from_hits",
    "country_of",
    "entries_of_kind",
    "entries_of_kind_python",
    "extract_places",
    "find_places",
    "hits_of_kind",
    "hits_of_kind_python",
    "is_place_word",
    "iter_marked_places",
    "lone_words",
    "lone_words_python",
    "marked_words",
    "marked_words_python",
    "names_before",
    "place_names",
    "place_names_python",
    "places_after_prepositions",
    "places_at_nouns",
]

#: Lower-case nouns that mark the capitalised words before them as places.
PLACE_NOUNS: Final = (" province", " district")
#: The same nouns written as part of the name: ``Helmand Province``.
PLACE_SUFFIXES: Final = tuple(noun.title() for noun in PLACE_NOUNS)
_PREPOSITIONS: Final = (" in ", "\nin ", " near ")
_NOUN_MARKS: Final = (*PLACE_NOUNS, *PLACE_SUFFIXES)
_CONNECTORS: Final = frozenset({"or", "and", ","})
#: Capitalised words after "in" that are not places: languages, doctrines, periods.
NOT_PLACES: Final = frozenset(
    str.split(
        "English Spanish Portuguese Russian Farsi Dari Pashto Urdu Hindi Turkish Hebrew Frontier "
        "Islam Christianity Congress Parliament Cabinet Senate Court Spring Autumn Fall Winter "
        "Summer Ramadan Christmas Easter Advance Addition Response Reply Return Exchange"
    )
)
_LOOKBACK: Final = 80
_CACHED_WORDS: Final = 8192
_CACHED_COUNTRIES: Final = 1024
_COUNTRY: Final = EntryKind.COUNTRY
_PLACE: Final = EntryKind.PLACE


def hits_of_kind_python(hits: Iterable[Hit], kind: EntryKind) -> list[Hit]:
    """The hits whose entry is of ``kind``, in order: the reference for the compiled
    picker (``geo_hits_c``), which the country, organization, place and asset
    extractors share.

    >>> from loaders.entities.scan import scan_segments
    >>> hits = collect_hits(scan_segments("Japanese and NATO officials in Tokyo"))
    >>> [hit.entry.key for hit in hits_of_kind_python(hits, EntryKind.ORGANIZATION)]
    ['NATO']
    """
    return [hit for hit in hits if hit[0][0] is kind]  # hit.entry.kind, read by index


def entries_of_kind_python(hits: Iterable[Hit], kind: EntryKind) -> list[Entry]:
    """The distinct entries of the hits of ``kind``, in order of first mention: the
    reference for the compiled picker (``geo_hits_c``).

    >>> from loaders.entities.scan import scan_segments
    >>> hits = collect_hits(scan_segments("Japanese and GOJ officials, the French"))
    >>> [entry.key for entry in entries_of_kind_python(hits, EntryKind.COUNTRY)]
    ['JA', 'FR']
    """
    return list(dict.fromkeys([hit[0] for hit in hits if hit[0][0] is kind]))


try:  # the compiled pickers, built by ``pip install`` (geo_hits_c.pyx); same results
    from loaders.entities.geo_hits_c import entries_of_kind, hits_of_kind, names_of_kind
except ImportError:  # pragma: no cover - a checkout that was never built
    entries_of_kind = entries_of_kind_python
    hits_of_kind = hits_of_kind_python
    names_of_kind = None  # type: ignore[assignment]

#: True when the compiled picker (``geo_hits_c``) is in use.
COMPILED_KINDS: Final = hits_of_kind is not hits_of_kind_python


def countries_from_hits(hits: Iterable[Hit]) -> tuple[Country, ...]:
    """Unique countries, in order of first mention.

    >>> from loaders.entities.scan import scan_segments
    >>> countries_from_hits(collect_hits(scan_segments("Japanese and GOJ officials in Tokyo")))
    (Country(code='JA', name='Japan'),)
    """
    # one entry per country code: unique by code
    return tuple(map(country_of, entries_of_kind(hits, _COUNTRY)))


@lru_cache(maxsize=_CACHED_COUNTRIES)
def country_of(entry: Entry) -> Country:
    """The country a lexicon entry denotes (one shared, frozen record per entry).

    >>> country_of(LEXICON["GOJ"])
    Country(code='JA', name='Japan')
    """
    return Country(code=entry.key, name=entry.name)


@lru_cache(maxsize=_CACHED_WORDS)
def is_place_word(word: str) -> bool:
    """Could ``word`` (bare) name a place the lexicon does not know?

    >>> [is_place_word(w) for w in ("Daykundi", "June", "NATO", "Embassy", "Japan", "Arabic")]
    [True, False, False, False, False, False]
    """
    return (
        len(word) > 2
        and word[0].isupper()
        and not word.isupper()
        and word not in LEXICON
        and word not in NOT_NAMES
        and word.lower() not in COMMON_WORDS
        and word.replace("-", "").isalpha()
        and word not in NOT_PLACES
        and not word.endswith(("ism", "isms", "ic"))
    )


def names_before(text: str, end: int) -> list[str]:
    """Capitalised words listed just before ``end``: ``Daykundi or Nimruz`` (last first).

    >>> names_before("a PRT in Daykundi or Nimruz provinces", 27)
    ['Nimruz', 'Daykundi']
    """
    found: list[str] = []
    for token in reversed(text[max(0, end - _LOOKBACK) : end].split()):
        word = token.rstrip(",")
        if word in _CONNECTORS:
            continue
        if not is_place_word(word):
            break
        found.append(word)
    return found


def places_at_nouns(text: str, offsets: Iterable[int]) -> Iterator[tuple[int, str]]:
    """(offset, name) of the places before the place nouns at ``offsets``, the nouns
    written alone or in the plural (``provinces``) but not inside a longer word.

    >>> [name for _, name in places_at_nouns("in Daykundi or Nimruz provinces", [21])]
    ['Nimruz', 'Daykundi']
    """
    for position in offsets:
        size = next(len(noun) for noun in _NOUN_MARKS if text.startswith(noun, position))
        after = position + size
        if after >= len(text) or not text[after].isalpha() or text[after] == "s":
            for name in names_before(text, position):
                yield position, name


def lone_words_python(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(start, word) of the word ``spans`` not followed by a whitespace character and an
    upper-case letter (not ``New`` of ``New York``): the reference for the compiled
    picker (``geo_hits_c``).

    >>> lone_words_python("in Daykundi, in New York", [(3, 11), (16, 19)])
    [(3, 'Daykundi')]
    """
    found = []
    for start, end in spans:
        rest = text[end : end + 2]
        if not (rest[:1].isspace() and rest[1:2].isupper()):
            found.append((start, text[start:end]))
    return found


try:  # the compiled picker, built by ``pip install`` (geo_hits_c.pyx); same results
    from loaders.entities.geo_hits_c import lone_words
except ImportError:  # pragma: no cover - a checkout that was never built
    lone_words = lone_words_python


def places_after_prepositions(text: str, words: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, word) of the lone unknown capitalised words at the spans ``words`` (just
    past a preposition): not ``June``, not ``New`` of ``New York``.

    >>> [word for _, word in places_after_prepositions("in Daykundi, in June, in New York",
    ...                                                 [(3, 11), (16, 20), (25, 28)])]
    ['Daykundi']
    """
    # the cheap 'longer name' test first: fewer new words looked up
    return [(start, word) for start, word in lone_words(text, words) if is_place_word(word)]


def marked_words_python(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """The sorted offsets of the place nouns, and (offset, word) of the lone capitalised
    words just past the prepositions, in order: the reference for the compiled walk
    (``places_c``).

    >>> marked_words_python("a PRT in Kabul, near New York; Nimruz provinces")
    ([37], [(9, 'Kabul')])
    """
    nouns, words = offsets_and_capitalised_after_python(text, _NOUN_MARKS, _PREPOSITIONS)
    return nouns, lone_words_python(text, words)


def place_names_python(hits: Iterable[Hit], kind: EntryKind) -> list[str]:
    """The names of the entries of the hits of ``kind``, in order: the reference for
    the compiled picker (``geo_hits_c.names_of_kind``).

    >>> place_names_python(collect_hits(scan_segments("in Tokyo")), EntryKind.PLACE)
    ['Tokyo']
    """
    return [hit[0][2] for hit in hits_of_kind(hits, kind)]  # hit.entry.name


def _marked_words_shared(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """:func:`marked_words_python` from the shared walk and picker (compiled when built)."""
    nouns, words = offsets_and_capitalised_after(text, _NOUN_MARKS, _PREPOSITIONS)
    return nouns, lone_words(text, words)


#: The names of the place hits (:func:`place_names_python`, compiled when built).
place_names: Final = place_names_python if names_of_kind is None else names_of_kind

try:  # the compiled walk, built by ``pip install`` (places_c.pyx); same results
    from loaders.entities.places_c import NEEDLES as _COMPILED_NEEDLES
    from loaders.entities.places_c import marked_words
except ImportError:  # pragma: no cover - a checkout that was never built
    marked_words = _marked_words_shared
else:
    if (*_NOUN_MARKS, *_PREPOSITIONS) != _COMPILED_NEEDLES:  # pragma: no cover - drifted
        marked_words = _marked_words_shared

#: True when the compiled walk (``places_c``) is in use.
COMPILED_MARKS: Final = marked_words is not _marked_words_shared


def iter_marked_places(text: str) -> Iterator[tuple[int, str]]:
    """(offset, name) of the places the text marks, found in one walk: before a place
    noun (``Nimruz provinces``, ``Henan Province``) and a lone unknown capitalised word
    after ``in`` / ``near`` (not ``June``, not ``New`` of ``New York``).

    >>> sorted(iter_marked_places("a PRT in Daykundi or Nimruz provinces"))
    [(9, 'Daykundi'), (27, 'Daykundi'), (27, 'Nimruz')]
    >>> [name for _, name in iter_marked_places("in June, in New York; Henan Province")]
    ['Henan']
    """
    nouns, words = offsets_and_capitalised_after(text, _NOUN_MARKS, _PREPOSITIONS)
    yield from places_at_nouns(text, nouns)
    yield from places_after_prepositions(text, words)


def find_places(text: str, hits: Iterable[Hit]) -> tuple[str, ...]:
    """Known places from the lexicon hits, then places the text marks, by first mention."""
    known = place_names(hits, _PLACE)
    nouns, lone = marked_words(text)
    if not lone and not nouns:  # as iter_marked_places, without its generators
        return tuple(dict.fromkeys(known))
    marked = [(start, word) for start, word in lone if is_place_word(word)]
    if nouns:
        marked += places_at_nouns(text, nouns)
    marked.sort()
    return tuple(dict.fromkeys([*known, *[name for _, name in marked]]))


def extract_places(text: str) -> tuple[str, ...]:
    """Places named in ``text``.

    >>> extract_places("Meetings in Kyoto; a PRT in Daykundi or Nimruz provinces.")
    ('Kyoto', 'Daykundi', 'Nimruz')
    """
    return find_places(text, collect_hits(scan_segments(text)))
