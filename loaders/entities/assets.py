"""Military equipment and capabilities: ``CH-47``, ``C-130``, ``F-16``, ISR, airlift.

Three sources: designators (``PREFIX-NUMBER`` with a known prefix, plural ``CH-47s``
folded into ``CH-47``), named systems and capability acronyms from the lexicon
(``Chinook`` → CH-47, ``ISR``, ``MRAP``), and lower-case capability phrases found by a
plain substring test (``airlift``, ``medevac``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

from loaders.entities.asset_table import (
    AIRCRAFT_PREFIXES,
    LONG_NUMBER_PREFIXES,
    NAMED_ROWS,
    NEEDS_CONTEXT,
    NOT_DESIGNATORS,
    SHORT_DESIGNATORS,
    VEHICLE_FIRST,
    VEHICLE_PREFIXES,
    VESSEL_PREFIXES,
    WEAPON_PREFIXES,
)
from loaders.entities.geo import hits_of_kind
from loaders.entities.lexicon import EntryKind, Hit, collect_hits
from loaders.entities.scan import Segment, bare_word, scan_segments
from loaders.entities.segment_filters import words_holding
from loaders.entities.substrings import NeedleSet
from loaders.record import Asset
from loaders.record_maker import make_asset

_DESIGNATOR: Final = re.compile(r"([A-Za-z]{1,8})-(\d{1,4})([A-Z]{0,2})(?:/[A-Z])?s?")
#: What every designator word holds (its marks stripped or not): most hyphenated words
#: (``NATO-led``, ``follow-up``) do not, and are not parsed (nor cached) at all.
_DASH_DIGIT: Final = re.compile(r"-\d")
_CANONICAL_PREFIX: Final = {
    prefix.upper(): prefix
    for prefix in [
        "MiG",
        "Mi",
        "Su",
        "Tu",
        "Il",
        "An",
        "Yak",
        "Ka",
        "Shahab",
        "Scud",
        "Nodong",
        "Taepodong",
        "Fateh",
        "Zelzal",
        "Qassam",
        "Hwasong",
        "Kh",
    ]
}
_LOWER_CAPABILITIES: Final = tuple(
    (form, name, kind)
    for form, name, kind in (row.split("|") for row in NAMED_ROWS.strip().splitlines())
    if form[0].islower()
)
#: What :func:`iter_named_assets` looks for in the text: the lower-case forms.
CAPABILITY_NEEDLES: Final = tuple(dict.fromkeys(form for form, _, _ in _LOWER_CAPABILITIES))
#: The pairs of characters the compiled search (``substrings_c``) anchors the phrases
#: on: rare in cables and shared (``ft`` by the three lifts, ``ef`` by both refuelings
#: and ``defense``); six pairs where ``NeedleSet``'s own choice makes nine (~8 → ~5 µs).
CAPABILITY_PAIRS: Final = ("rv", "ft", "va", "up", "ef", "-I")


def capability_anchors(needles: Iterable[str], pairs: Iterable[str]) -> list[int]:
    """Offset in each needle of the first of ``pairs`` it holds.

    >>> capability_anchors(["airlift", "medevac"], ["va", "ft"])
    [5, 4]
    """
    pairs = tuple(pairs)
    return [next(needle.find(pair) for pair in pairs if pair in needle) for needle in needles]


#: ``capabilities_in(text)``: the capability phrases in ``text``, in one pass (anchored on
#: :data:`CAPABILITY_PAIRS` when the compiled search is built).
capabilities_in: Final = NeedleSet(
    CAPABILITY_NEEDLES, capability_anchors(CAPABILITY_NEEDLES, CAPABILITY_PAIRS)
).occurring
_ASSET: Final = EntryKind.ASSET  # read once: an enum member read from its class is slow
_CONTEXT_WORDS: Final = frozenset(
    [
        "missile",
        "missiles",
        "battery",
        "batteries",
        "system",
        "systems",
        "aircraft",
        "drone",
        "drones",
        "UAV",
    ]
)


def kind_of_prefix(prefix: str) -> str | None:
    """Asset kind a designator prefix stands for, or None when it is not one.

    >>> kind_of_prefix("CH"), kind_of_prefix("BTR"), kind_of_prefix("SA"), kind_of_prefix("DS")
    ('aircraft', 'vehicle', 'weapon', None)
    """
    if prefix in VEHICLE_FIRST:
        return "vehicle"
    if prefix in AIRCRAFT_PREFIXES:
        return "aircraft"
    if prefix in WEAPON_PREFIXES:
        return "weapon"
    if prefix in VESSEL_PREFIXES:
        return "vessel"
    return "vehicle" if prefix in VEHICLE_PREFIXES else None


def parse_designator(word: str) -> Asset | None:
    """An asset from a designator word, plural and model letters kept apart.

    >>> parse_designator("CH-47s"), parse_designator("MIG-29")
    (Asset(name='CH-47', kind='aircraft'), Asset(name='MiG-29', kind='aircraft'))
    >>> parse_designator("H-1B"), parse_designator("C-1"), parse_designator("G-8")
    (None, None, None)
    >>> parse_designator("S-300"), parse_designator("T-72"), parse_designator("P-00")
    (Asset(name='S-300', kind='weapon'), Asset(name='T-72', kind='vehicle'), None)
    """
    match = _DESIGNATOR.fullmatch(word)
    if match is None:
        return None
    prefix, number, model = match.groups()
    kind = kind_of_prefix(prefix)
    if kind is None:
        return None
    name = f"{_CANONICAL_PREFIX.get(prefix.upper(), prefix)}-{number}{model}"
    if number.startswith("0"):
        return None
    short = (len(prefix) == 1 or prefix in LONG_NUMBER_PREFIXES) and len(number) < 2
    if (short and f"{prefix}-{number}" not in SHORT_DESIGNATORS) or name in NOT_DESIGNATORS:
        return None
    return make_asset(name, kind)


def designator_words_python(segments: Iterable[Segment]) -> list[str]:
    """The words of the segments that could be designators (a hyphen and a digit), in
    order: the reference for the compiled picker (``assets_c``).

    >>> designator_words_python(scan_segments("The NATO-led ISAF flies CH-47s and C-130s"))
    ['CH-47s', 'C-130s']
    """
    return [word for word in words_holding(segments, "-") if _DASH_DIGIT.search(word)]


try:  # the compiled picker, built by ``pip install`` (assets_c.pyx); same results
    from loaders.entities.assets_c import designator_words
except ImportError:  # pragma: no cover - a checkout that was never built
    designator_words = designator_words_python

#: True when the compiled picker (``assets_c``) is in use.
COMPILED: Final = designator_words is not designator_words_python


def iter_designators(segments: Iterable[Segment]) -> Iterator[Asset]:
    """Designator assets in the scanned segments.

    >>> list(iter_designators(scan_segments("fixed-wing (C-130) and CH-47s")))
    [Asset(name='C-130', kind='aircraft'), Asset(name='CH-47', kind='aircraft')]
    """
    for word in designator_words(segments):
        if (asset := designator_in(word)) is not None:
            yield asset


@lru_cache(maxsize=1 << 12)
def designator_in(word: str) -> Asset | None:
    """The designator asset of a scanned word, its closing marks dropped (cached: the
    words recur across cables).

    >>> designator_in("CH-47s),"), designator_in("NATO-led")
    (Asset(name='CH-47', kind='aircraft'), None)
    """
    return parse_designator(bare_word(word).rstrip(",;:)"))


def iter_named_assets(text: str, hits: Iterable[Hit]) -> Iterator[Asset]:
    """Named systems and capabilities: lexicon hits, then lower-case capability phrases.

    >>> list(iter_named_assets("Patriot Act; medevac and ISR", []))
    [Asset(name='MEDEVAC', kind='capability')]
    """
    for hit in hits_of_kind(hits, _ASSET):
        entry = hit[0]
        if has_context(text, hit):
            yield make_asset(entry[1], entry[2])
    present = capabilities_in(text)
    if present:
        for form, name, kind in _LOWER_CAPABILITIES:
            if form in present:
                yield make_asset(name, kind)


def has_context(text: str, hit: Hit) -> bool:
    """Ambiguous names (``Patriot``, ``Predator``) count only before ``missile`` etc.

    >>> text = "Patriot Act; Patriot missiles; Chinook"
    >>> [has_context(text, h) for h in collect_hits(scan_segments(text))]
    [False, True, True]
    """
    words = hit.segment.words
    if words[hit.first].capitalize() not in NEEDS_CONTEXT:
        return True
    after = hit.first + hit.width
    if after < len(words):
        following = words[after]
    else:
        following = next(iter(text[hit.segment.end : hit.segment.end + 24].split()), "")
    return following.lower().rstrip(".,;:") in _CONTEXT_WORDS


def find_assets(text: str, segments: Iterable[Segment], hits: Iterable[Hit]) -> tuple[Asset, ...]:
    """Unique assets (by name), designators first, in order of first mention: what
    :func:`iter_designators` then :func:`iter_named_assets` yield, the first of each
    name kept, in one loop (no generators; a name already found is not made again).

    >>> [a.name for a in find_assets("C-130s, Hercules aircraft; airlift, C-130", [], [])]
    ['airlift']
    """
    found: dict[str, Asset] = {}
    for word in designator_words(segments):
        asset = designator_in(word)
        if asset is not None and asset.name not in found:
            found[asset.name] = asset
    for hit in hits_of_kind(hits, _ASSET):
        entry = hit[0]
        if entry[1] not in found and has_context(text, hit):
            found[entry[1]] = make_asset(entry[1], entry[2])
    present = capabilities_in(text)
    if present:
        for form, name, kind in _LOWER_CAPABILITIES:
            if form in present and name not in found:
                found[name] = make_asset(name, kind)
    return tuple(found.values())


def extract_assets(text: str) -> tuple[Asset, ...]:
    """Assets named in ``text``.

    >>> [a.name for a in extract_assets("CH-47s for medevac; fixed-wing (C-130) or "
    ...                                 "intelligence, surveillance, and reconnaissance (ISR)")]
    ['CH-47', 'C-130', 'ISR', 'MEDEVAC']
    """
    segments = scan_segments(text)
    return find_assets(text, segments, collect_hits(segments))
