"""TAGS: split, typed (subject, program, organization, geo, person), geo resolved.

An ASCII value's codes are read by the compiled ``tags_c.tag_codes`` (one C pass for
the token pattern and the grouping of words); :func:`tag_codes_python` is its reference,
the fallback when it is not built and the reading of any other value. Classifying the
codes stays here, cached by code.

>>> [(t.code, str(t.kind), t.country) for t in parse_tags("PREL, SMIL NATO KDEM JA")]
... # doctest: +NORMALIZE_WHITESPACE
[('PREL', 'subject', None), ('SMIL', 'subject', None), ('NATO', 'organization', None),
 ('KDEM', 'program', None), ('JA', 'geo', 'Japan')]
>>> [(t.code, str(t.kind)) for t in parse_tags("OVIP (CLINTON, HILLARY), PREL")]
[('OVIP', 'subject'), ('CLINTON, HILLARY', 'person'), ('PREL', 'subject')]
>>> [(t.code, str(t.kind)) for t in parse_tags("OVIP (STEINBERG JAMES) (POLITICAL PARTIES)")]
[('OVIP', 'subject'), ('STEINBERG JAMES', 'person'), ('POLITICAL PARTIES', 'subject')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Final

from loaders.entities.common_words import COMMON_WORDS
from loaders.header.tables import (
    geo_aliases,
    geo_countries,
    geo_regions,
    organization_tags,
    subject_tags,
)
from loaders.record import Tag, TagKind

_PAREN_RE = re.compile(r"\(([^()]*)\)")
_TOKEN_RE = re.compile(r"\(([^()]*)\)|([^\s,;()]+)")
_CODE_RE = re.compile(r"^[A-Z0-9]{2,6}$")
#: Distinct TAGS codes and TAGS values kept classified (short strings).
TAG_CACHE = 8192


@lru_cache(maxsize=TAG_CACHE)
def classify_tag(code: str) -> Tag:
    """The kind of one TAGS code (and the country of a geo code).

    >>> classify_tag("SF")
    Tag(code='SF', kind=<TagKind.GEO: 'geo'>, country='South Africa')
    >>> classify_tag("IQ").country, classify_tag("XF").country
    ('Iraq', None)
    >>> classify_tag("UNSC").kind
    <TagKind.ORGANIZATION: 'organization'>
    """
    countries = geo_countries()
    if code in subject_tags():
        return Tag(code, TagKind.SUBJECT, None)
    if len(code) == 2 and code in countries:
        return Tag(code, TagKind.GEO, countries[code])
    if code in geo_aliases():
        return Tag(code, TagKind.GEO, countries[geo_aliases()[code]])
    if code in geo_regions():
        return Tag(code, TagKind.GEO, None)
    if code in organization_tags():
        return Tag(code, TagKind.ORGANIZATION, None)
    if len(code) == 4 and code.startswith("K") and code.isalpha():
        return Tag(code, TagKind.PROGRAM, None)
    if len(code) == 4 and code.isalpha() and code[0] in "ABCEMOPST":
        return Tag(code, TagKind.SUBJECT, None)
    if _CODE_RE.match(code) and not code.isalpha():
        return Tag(code, TagKind.PROGRAM, None)
    if "," in code or (" " in code and is_name(code)):
        return Tag(code, TagKind.PERSON, None)
    if " " in code:
        return Tag(code, TagKind.SUBJECT, None)
    return Tag(code, TagKind.ORGANIZATION, None)


def is_name(code: str) -> bool:
    """True when a several-word tag reads as a person (``STEINBERG JAMES``): two to four
    words, none of them a frequent English word (``POLITICAL PARTIES`` is a subject).

    >>> is_name("CLINTON HILLARY"), is_name("COUNTER TERRORISM"), is_name("A B C D E")
    (True, False, False)
    """
    words = code.lower().split()
    return 2 <= len(words) <= 4 and all(w.isalpha() and w not in COMMON_WORDS for w in words)


@cache
def known_codes() -> frozenset[str]:
    """Every code of the subject, organization and geo tables."""
    return subject_tags() | organization_tags() | frozenset(geo_countries())


def group_words(tokens: list[str]) -> list[str]:
    """Join runs of plain words that are not codes (``COUNTER TERRORISM``) into one.

    >>> group_words(["PREL", "COUNTER", "TERRORISM", "SP"])
    ['PREL', 'COUNTER TERRORISM', 'SP']
    """
    known = known_codes()
    out: list[str] = []
    run: list[str] = []
    for token in tokens:
        if token not in known and len(token) > 4 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.append(" ".join(run))
            run = []
        out.append(token)
    if run:
        out.append(" ".join(run))
    return out


def split_glued(token: str) -> list[str]:
    """A token of codes run together by the release's damage (``EINDETRD``, ``KDEMAF``)
    cut into its known codes; the token itself when it does not cut cleanly.

    >>> split_glued("EINDETRD"), split_glued("KDEMAF"), split_glued("ELECTIONS")
    (['EIND', 'ETRD'], ['KDEM', 'AF'], ['ELECTIONS'])
    """
    known = known_codes()
    if token in known or not 6 <= len(token) <= 16 or not token.isalpha():
        return [token]
    cuts: dict[int, list[str]] = {0: []}
    for start in range(len(token)):
        if start not in cuts:
            continue
        for width in (2, 4):
            piece = token[start : start + width]
            if len(piece) == width and (piece in known or (width == 4 and piece[0] == "K")):
                cuts.setdefault(start + width, [*cuts[start], piece])
    return cuts.get(len(token), [token])


def tag_codes_python(value: str) -> tuple[str, ...]:
    """The codes of a TAGS value, in order, once each, before they are classified: the
    reference of the compiled ``tags_c.tag_codes`` (which declines values past ASCII).

    >>> tag_codes_python("prel, OVIP (CLINTON,  HILLARY) PREL: COUNTER TERRORISM")
    ('PREL', 'OVIP', 'CLINTON, HILLARY', 'COUNTER TERRORISM')
    """
    known = known_codes()
    codes: list[str] = []
    pending: list[str] = []
    for match in _TOKEN_RE.finditer(value.upper()):
        if match[1] is not None:
            codes.extend(group_words(pending))
            pending = []
            person = " ".join(match[1].split()).strip(" ,")
            if person:
                codes.append(person)
        else:
            token = match[2].strip(".:-")
            if token in known or not 6 <= len(token) <= 16 or not token.isalpha():
                if token:  # what split_glued keeps whole, without the call
                    pending.append(token)
            else:
                pending.extend(split_glued(token))
    codes.extend(group_words(pending))
    return tuple(dict.fromkeys(codes))


def no_codes(
    value: str, known: frozenset[str], split_glued: Callable[[str], list[str]]
) -> tuple[str, ...] | None:
    """What stands for ``tags_c.tag_codes`` when it is not built: it declines every value."""
    return None


try:  # the compiled reading, built by ``pip install`` (tags_c.pyx); same results
    from loaders.header.tags_c import tag_codes as compiled_codes
except ImportError:  # pragma: no cover - a checkout that was never built
    compiled_codes = no_codes

#: True when the compiled reading (``tags_c``) is in use.
COMPILED: Final = compiled_codes is not no_codes


def tag_codes(value: str) -> tuple[str, ...]:
    """The codes of a TAGS value, in order, once each (compiled where it can).

    >>> tag_codes("ECON EINDETRD (STEINBERG JAMES) kdem")
    ('ECON', 'EIND', 'ETRD', 'STEINBERG JAMES', 'KDEM')
    """
    codes = compiled_codes(value, known_codes(), split_glued)
    return tag_codes_python(value) if codes is None else codes


@lru_cache(maxsize=TAG_CACHE)
def parse_tags(value: str | None) -> tuple[Tag, ...]:
    """All tags of a TAGS value, in order, once each; stray punctuation ignored (cached:
    the same TAGS line recurs across a post's cables)."""
    if not value:
        return ()
    return tuple(map(classify_tag, tag_codes(value)))
