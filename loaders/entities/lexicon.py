"""One lookup table for every dictionary entity: countries, organizations, places and
named assets, keyed by surface form (as written and in capitals).

Multi-word forms are found through :data:`FIRST_WORDS`, the longest form (in words)
starting with each first word, so that a scan tries only the lengths that can match.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Final, NamedTuple, TypeAlias

from loaders.entities.asset_table import NAMED_ROWS
from loaders.entities.country_table import AMBIGUOUS, COUNTRY_ROWS, NOT_COUNTRIES
from loaders.entities.gazetteer import EXTRA_PLACES, STATION_CITIES
from loaders.entities.org_table import AMBIGUOUS as AMBIGUOUS_ORGS
from loaders.entities.org_table import ORGANIZATION_ROWS
from loaders.entities.scan import Segment, bare_word
from loaders.entities.scan_words import ABBREVIATIONS
from loaders.entities.title_words import HONORIFICS, TITLE_HEADS

try:  # the compiled hit collector and matcher, built by ``pip install`` (hits_c.pyx,
    # hits_matcher_c.pyx)
    from loaders.entities.hits_c import HitCollector
    from loaders.entities.hits_matcher_c import LexiconMatcher
except ImportError:  # pragma: no cover - a checkout that was never built
    HitCollector = LexiconMatcher = None  # type: ignore[assignment,misc]

#: A way the text writes an entity: ``Japanese``, ``G-8``, ``International Security ...``.
Surface: TypeAlias = str


class EntryKind(StrEnum):
    COUNTRY = "country"
    ORGANIZATION = "organization"
    PLACE = "place"
    ASSET = "asset"
    NONE = "none"  # a form that looks like an entity but is not one (Latin America ...)


class Entry(NamedTuple):
    """What a surface form denotes: kind, key (code or canonical name), display name."""

    kind: EntryKind
    key: str
    name: str


def iter_country_entries() -> Iterator[tuple[Surface, Entry]]:
    """(surface, entry) for every country form; ambiguous government acronyms left out.

    >>> dict(iter_country_entries())["Japanese"]
    Entry(kind=<EntryKind.COUNTRY: 'country'>, key='JA', name='Japan')
    """
    for row in COUNTRY_ROWS.strip().splitlines():
        code, name, forms = row.split("|")
        entry = Entry(EntryKind.COUNTRY, code, name)
        for form in (name, *forms.split(";")):
            if form and form not in AMBIGUOUS:
                yield form, entry


def iter_organization_entries() -> Iterator[tuple[Surface, Entry]]:
    """(surface, entry) for every organization form, the code included.

    >>> dict(iter_organization_entries())["G-8"].key
    'G8'
    """
    for row in ORGANIZATION_ROWS.strip().splitlines():
        code, forms = row.split("|")
        entry = Entry(EntryKind.ORGANIZATION, code, code)
        for form in (code, *forms.split(";")):
            if form and form not in AMBIGUOUS_ORGS:
                yield form, entry


def iter_place_entries() -> Iterator[tuple[Surface, Entry]]:
    """(surface, entry) for known places: post cities and a few often-named regions.

    >>> dict(iter_place_entries())["Rio de Janeiro"].name
    'Rio de Janeiro'
    """
    for city in STATION_CITIES:
        name = " ".join(_capitalize_place_word(word) for word in city.split())
        yield name, Entry(EntryKind.PLACE, name, name)
    for place in EXTRA_PLACES:
        yield place, Entry(EntryKind.PLACE, place, place)


def _capitalize_place_word(word: str) -> str:
    """``RIO`` → ``Rio``; small connecting words stay lower case (``de``, ``es``)."""
    return word.lower() if word in {"DE", "ES", "OF", "AU"} else word.capitalize()


def iter_asset_entries() -> Iterator[tuple[Surface, Entry]]:
    """(surface, entry) for named systems written with a capital (``Chinook``, ``ISR``).

    >>> dict(iter_asset_entries())["Chinooks"].key
    'CH-47'
    """
    for row in NAMED_ROWS.strip().splitlines():
        form, name, kind = row.split("|")
        if form[0].isupper():
            yield form, Entry(EntryKind.ASSET, name, kind)


def build_lexicon() -> dict[Surface, Entry]:
    """All surface forms, in capitals too; earlier kinds win (country over place).

    >>> lexicon = build_lexicon()
    >>> lexicon["JAPAN"].key, lexicon["Latin America"].kind.value, lexicon["Kabul"].kind.value
    ('JA', 'none', 'place')
    """
    lexicon: dict[str, Entry] = {}
    none = Entry(EntryKind.NONE, "", "")
    sources = (
        [(form, none) for form in NOT_COUNTRIES],
        iter_country_entries(),
        iter_organization_entries(),
        iter_asset_entries(),
        iter_place_entries(),
    )
    for source in sources:
        for form, entry in source:
            if form.upper().startswith("THE "):
                continue  # "The Hague", "The Gambia": found without the article
            lexicon.setdefault(form, entry)
            lexicon.setdefault(form.upper(), entry)
    return lexicon


def index_first_words(lexicon: Mapping[str, Entry]) -> dict[str, tuple[int, ...]]:
    """First word of each form → the lengths (in words) of forms starting with it,
    longest first.

    >>> index_first_words({"South Africa": Entry(EntryKind.COUNTRY, "SF", "South Africa")})
    {'South': (2,)}
    """
    first: dict[str, set[int]] = {}
    for form in lexicon:
        words = form.split()
        first.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(widths, reverse=True)) for word, widths in first.items()}


LEXICON: Final = build_lexicon()
FIRST_WORDS: Final = index_first_words(LEXICON)
FIRST_SET: Final = frozenset(FIRST_WORDS)
_POSSESSIVES: Final = frozenset({"'s", "’s", "'S"})
_NEW: Final = tuple.__new__  # Hit(...) at a third of the cost, in the scanning loop
_LAST_MARKS: Final = frozenset(".sS")


class Hit(NamedTuple):
    """A lexicon form found in a segment: ``count`` words from word ``first``."""

    entry: Entry
    segment: Segment
    first: int
    width: int


def match_at(
    words: tuple[str, ...], first: int, widths: tuple[int, ...]
) -> tuple[Entry, int] | None:
    """The longest lexicon form starting at ``words[first]`` (trying only ``widths``)
    and its length in words.

    >>> match_at(("The", "South", "African", "Embassy"), 1, (2, 1))[0].key
    'SF'
    """
    for width in widths:
        end = first + width
        if end > len(words):
            continue
        last = words[end - 1]
        head = " ".join(words[first : end - 1])
        for tail in (last, bare_word(last)) if last[-1] in _LAST_MARKS else (last,):
            entry = LEXICON.get(f"{head} {tail}" if head else tail)
            if entry is not None:
                return entry, width
    return None


def match_hyphenated(word: str) -> Entry | None:
    """``NATO-led`` → NATO, ``U.S.-Japan`` → United States; None otherwise.

    >>> match_hyphenated("NATO-led").key, match_hyphenated("Kobe-based")
    ('NATO', None)
    """
    head, _, tail = word.partition("-")
    if not tail or not head:
        return None
    return LEXICON.get(head)


def iter_hits(segments: Iterable[Segment]) -> Iterator[Hit]:
    """Every lexicon form in the segments, longest first, left to right.

    >>> from loaders.entities.scan import scan_segments
    >>> [h.entry.key for h in iter_hits(scan_segments("The South African and NATO-led ISAF"))]
    ['SF', 'NATO', 'ISAF']
    """
    return iter(collect_hits(segments))


def collect_hits_python(segments: Iterable[Segment]) -> list[Hit]:
    """The hits of :func:`iter_hits` as a list, in pure Python: the reference for the
    compiled collector (``hits_c``).

    >>> from loaders.entities.scan import scan_segments
    >>> [h.entry.key for h in collect_hits_python(scan_segments("NATO-led ISAF"))]
    ['NATO', 'ISAF']
    """
    return [
        _NEW(Hit, (entry, segment, first, width))
        for segment in segments
        for entry, first, width in match_words(segment[2])
    ]


@lru_cache(maxsize=1 << 15)
def match_words(words: tuple[str, ...]) -> tuple[tuple[Entry, int, int], ...]:
    """(entry, first word, width) of every lexicon form in one segment's ``words``;
    cached, as the same segments (``U.S.``, ``GOJ``, ``Foreign Minister``) recur in
    every cable.

    >>> [(e.key, first, width) for e, first, width in match_words(("The", "South", "African"))]
    [('SF', 1, 2)]
    """
    if FIRST_SET.isdisjoint(words) and not any(
        "." in word or "-" in word or "'" in word or "’" in word for word in words
    ):
        return ()
    found: list[tuple[Entry, int, int]] = []
    index = 0
    while index < len(words):
        word = words[index]
        widths = FIRST_WORDS.get(word)
        if widths is None and (word[-1] == "." or word[-2:] in _POSSESSIVES):
            widths = FIRST_WORDS.get(bare_word(word))
        match = match_at(words, index, widths) if widths else None
        if match is not None:
            found.append((match[0], index, match[1]))
            index += match[1]
            continue
        if "-" in word and (entry := match_hyphenated(word)) is not None:
            found.append((entry, index, 1))
        index += 1
    return tuple(found)


#: The words that make a segment worth reading for officials (title heads, honorifics):
#: the collector notes which words tuples hold one, so that the officials' reader finds
#: those segments without reading every word again (``HitCollector.flagged``).
FLAG_WORDS: Final = TITLE_HEADS | HONORIFICS
#: :func:`match_words` compiled, uncached (None when not built): what a new segment costs.
COMPILED_MATCH: Final = (
    None
    if LexiconMatcher is None
    else LexiconMatcher(LEXICON, FIRST_WORDS, ABBREVIATIONS, FLAG_WORDS)
)
#: The compiled collector (None when not built), its table of matches per words tuple.
COMPILED_HITS: Final = (
    None
    if HitCollector is None
    else HitCollector(COMPILED_MATCH or match_words, Hit, flag_words=FLAG_WORDS)
)
#: The hits of segments, as a list: the compiled collector when built.
collect_hits: Final = collect_hits_python if COMPILED_HITS is None else COMPILED_HITS.collect
