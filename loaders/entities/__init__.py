"""Entities from a cable body: summary, paragraphs, officials, countries,
organizations, places, assets and action requests.

One entry point, :func:`extract_body_entities`, called by the readers once per cable.
Each problem lives in its own module (``paragraphs``, ``summary``, ``officials``,
``geo``, ``organizations``, ``assets``, ``requests``); all are pure functions of text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Flag, auto
from typing import Final

from loaders.entities.assets import designator_in, find_assets
from loaders.entities.geo import countries_from_hits, country_of, find_places, is_place_word
from loaders.entities.lexicon import COMPILED_HITS, FIRST_SET, collect_hits, match_words
from loaders.entities.officials import INTRODUCERS, find_officials, iter_segment_mentions
from loaders.entities.officials_merge import name_words
from loaders.entities.organizations import organizations_from_hits
from loaders.entities.paragraphs import extract_paragraphs, normalize_marking
from loaders.entities.requests import extract_requests
from loaders.entities.scan import compiled_scanner, scan_segments
from loaders.entities.scan_pattern import lone_word_keep
from loaders.entities.summary import extract_summary
from loaders.entities.text import is_all_caps, strip_header
from loaders.record import Asset, Country, Official, Paragraph, Recipient, Request

__all__ = ["BodyEntities", "BodyParts", "clear_caches", "extract_body_entities"]

#: Words that make a capitalised segment worth reading: lexicon forms, titles.
_KEEP: Final = FIRST_SET | INTRODUCERS


class BodyParts(Flag):
    """Which body entities to extract. ``cablegraph parse`` takes them all; ingest takes
    :attr:`GRAPH`, what the graph stores (it has no paragraph or place nodes, and the
    cable node keeps the whole body), and saves their cost (~20% of a parse)."""

    PARAGRAPHS = auto()
    PLACES = auto()
    OTHERS = auto()  # summary, officials, countries, organizations, assets, requests
    ALL = PARAGRAPHS | PLACES | OTHERS
    GRAPH = OTHERS


#: The two usual parts, read once (an Enum member read costs ~0.15 µs on Python 3.11,
#: a Flag's ``in`` ~0.6 µs).
_ALL, _GRAPH = BodyParts.ALL, BodyParts.GRAPH


def wants_paragraphs_and_places(parts: BodyParts) -> tuple[bool, bool]:
    """Whether ``parts`` holds the paragraphs, and the places.

    >>> wants_paragraphs_and_places(BodyParts.GRAPH | BodyParts.PLACES)
    (False, True)
    """
    if parts is _ALL or parts is _GRAPH:
        return (True, True) if parts is _ALL else (False, False)
    return BodyParts.PARAGRAPHS in parts, BodyParts.PLACES in parts


@dataclass(frozen=True, slots=True)
class BodyEntities:
    """Everything the body of one cable yields (header fields are the readers' job)."""

    summary: str | None
    paragraphs: tuple[Paragraph, ...]
    officials: tuple[Official, ...]
    countries: tuple[Country, ...]
    organizations: tuple[str, ...]
    places: tuple[str, ...]
    assets: tuple[Asset, ...]
    requests: tuple[Request, ...]


def extract_body_entities(
    body: str,
    *,
    cable_id: str,
    date: str | None,
    origin_key: str | None,
    recipients: Sequence[Recipient],
    parts: BodyParts = BodyParts.ALL,
) -> BodyEntities:
    """Extract the body entities of cable ``cable_id``.

    ``body`` is the text after the routing header; a leading E.O./TAGS/SUBJECT/REF/
    Classified By block is skipped. ``date`` (YYYY-MM-DD) resolves deadlines,
    ``recipients`` resolve generic requests ("Posts are requested to ..."). Entities
    left out of ``parts`` come back empty.

    >>> found = extract_body_entities(
    ...     "TAGS: PREL\\n\\n1. (C) Summary: Rain. End Summary.\\n",
    ...     cable_id="08TOKYO1", date="2008-06-26", origin_key="TOKYO", recipients=())
    >>> found.summary, [p.marking for p in found.paragraphs]
    ('Rain.', ['C'])
    >>> extract_body_entities("1. (C) Rain in Paris.", cable_id="08TOKYO1", date=None,
    ...     origin_key=None, recipients=(), parts=BodyParts.GRAPH).paragraphs
    ()
    """
    text = strip_header(body)
    all_caps = is_all_caps(text)
    segments = scan_segments(text, keep=_KEEP)
    hits = collect_hits(segments)
    paragraphs, places = wants_paragraphs_and_places(parts)
    return BodyEntities(
        summary=extract_summary(text),
        paragraphs=extract_paragraphs(text) if paragraphs else (),
        officials=find_officials(text, segments, all_caps),
        countries=countries_from_hits(hits),
        organizations=organizations_from_hits(hits, all_caps),
        places=find_places(text, hits) if places else (),
        assets=find_assets(text, segments, hits),
        requests=extract_requests(
            text,
            cable_date=date,
            origin_key=origin_key,
            recipients=recipients,
            all_caps=all_caps,
        ),
    )


def clear_caches() -> None:
    """Empty the per-run and per-segment caches (for cold-start measurements).

    The caches hold what recurs across cables (the runs the scanner has read, the
    lexicon matches and titled mentions of segments such as ``U.S.`` or ``Foreign
    Minister Koumura``, name keys, designator words, place words, countries, paragraph
    markings); they are bounded.

    >>> clear_caches(); match_words.cache_info().currsize
    0
    """
    for cached in (
        match_words,
        iter_segment_mentions,
        name_words,
        designator_in,
        country_of,
        is_place_word,
        normalize_marking,
    ):
        cached.cache_clear()
    compiled_scanner.cache_clear()
    lone_word_keep.cache_clear()
    if COMPILED_HITS is not None:
        COMPILED_HITS.clear()
