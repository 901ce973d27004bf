"""The REF line: bullets, kinds, canonical cable ids.

>>> refs = parse_references(SEED_REF, citing_id="08STATE68633", year="08")
>>> [(r.bullet, str(r.kind), r.id) for r in refs]
... # doctest: +NORMALIZE_WHITESPACE
[('A', 'cable', '08TOKYO1464'), ('B', 'cable', '08TOKYO1593'), ('C', 'message', None),
 ('D', 'cable', '08TOKYO1623'), ('E', 'cable', '08TOKYO1657')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, TypeAlias

from loaders.header.stations import canonical_cable_id, canonical_station
from loaders.header.tables import station_aliases
from loaders.record import Reference, RefKind

SEED_REF = "A. TOKYO 1464 B. TOKYO 1593 C. SECDEF DTG 031932Z JUN 08 D. TOKYO 1623 E. TOKYO 1657"

_BULLET_RE = re.compile(r"(?:(?<=[\s,;])|^)(?:\(([A-Z])\)|([A-Z])[.)])(?=\s|[A-Z0-9(])")
_NOT_CABLE_RE = re.compile(r"\bFA[MH]\b|\bIMSWM\b")
_LEAD_LETTER_RE = re.compile(r"^([A-Z])\s+(?=[A-Z0-9])")
_REF_BULLET_RE = re.compile(r"\bREF\s+([A-Z])\s")
_CABLE_RE = re.compile(
    r"(?<![A-Z0-9])(?:((?:19|20)\d{2}|\d{2})\s*)?([A-Z][A-Z'-]*(?:\s+[A-Z][A-Z'-]*){0,3}?)\s*0*(\d{1,6})"
    r"(?:\s*/\s*(\d{2})|\s+\((\d{2})\))?(?![0-9A-Z/:])"
)
_MORE_RE = re.compile(r"\s*(?:,|AND|&)\s*0*(\d{2,6})(?![0-9A-Z/:])")
_NOT_STATION = frozenset(
    """AND OR THE OF ON IN DTG REF REFS REFTEL REFTELS PREVIOUS PARA PARAS PARAGRAPH NO
    NUMBER NR DATED SEPTEL EMAIL E-MAIL TELCON MEMO REPORT PAGE SECTION FROM TO AT BY ALSO
    SEE IIR FAM FAH POINTS OSC TD TDX JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC
    JANUARY FEBRUARY MARCH APRIL JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER
    """.split()  # noqa: SIM905
)
_KIND_WORDS = (
    (re.compile(r"E-?MAIL"), RefKind.EMAIL),
    (re.compile(r"TELCON|TELECON|PHONE|TELEPHONE"), RefKind.TELCON),
    (re.compile(r"\bDTG\b|\d{6}Z|\bMSG\b|MESSAGE"), RefKind.MESSAGE),
    (re.compile(r"REPORT|\bIIR\b|INTSUM|\bTD\b"), RefKind.REPORT),
    (re.compile(r"MEMO|DIPNOTE|NON-?PAPER|LETTER"), RefKind.MEMO),
)
#: A literal every match of one of ``_KIND_WORDS`` holds (most bullets hold none: a
#: station and a serial).
_KIND_HINT_RE = re.compile(
    r"MAIL|TEL|PHONE|DTG|Z|MSG|MESSAGE|REPORT|IIR|INTSUM|TD|MEMO|DIPNOTE|PAPER|LETTER"
)
#: A cable one bullet cites: station as written, serial, two/four-digit year if written.
Mention: TypeAlias = tuple[str, str, str | None]
#: Distinct bullet texts kept read (short strings).
BULLET_CACHE = 8192
_ID_PARTS_RE = re.compile(r"(\d{2})([A-Z]+?)(\d+)")
#: How far a same-station serial may run ahead of the citing cable's own serial before
#: the cited cable is taken to be from the year before (serials are handed out at
#: release, so a cable can cite one released a moment after it).
_SERIAL_SLACK = (1.05, 20)


def split_bullets(value: str) -> list[tuple[str | None, str]]:
    """The REF value cut at its bullet letters (``A.``, ``B)``, ``(C)``), in order.

    >>> split_bullets("(A)STATE 071143, (B)STATE 073601")
    [('A', 'STATE 071143,'), ('B', 'STATE 073601')]
    >>> split_bullets("A. A) 04 STATE 274965 B. B) MADRID 156")
    [('A', '04 STATE 274965'), ('B', 'MADRID 156')]
    """
    text = value.replace("¶", " ").strip()
    # "A ... REF B ...": bullets without punctuation (the pattern opens with \b, tried
    # at every position: its literal is looked for first)
    if "REF" in text and _REF_BULLET_RE.search(text):
        text = _LEAD_LETTER_RE.sub(r"\1. ", _REF_BULLET_RE.sub(r" \1. ", text))
    parts: list[tuple[str | None, str]] = []
    bullet: str | None = None
    last = 0
    for match in _BULLET_RE.finditer(text):
        letter = match[1] or match[2]
        expected = "A" if bullet is None else chr(ord(bullet) + 1)
        if letter not in (expected, bullet) and not (bullet is None and match.start() == 0):
            continue
        parts.append((bullet, text[last : match.start()].strip()))
        bullet, last = letter, match.end()
    parts.append((bullet, text[last:].strip()))
    return [(b, t) for b, t in parts if t]


def year_of_cited(year: str, station: str, serial: int, citing_id: str | None) -> str:
    """The year of a cited cable written without one: the citing cable's ``year``,
    or the year before when the cited cable is from the citing cable's own station
    and its serial is well above the citing cable's (serials restart every year, so
    ``BRASILIA 1666`` cited by ``09BRASILIA28`` in January is from 2008).

    >>> year_of_cited("09", "BRASILIA", 1666, "09BRASILIA28")
    '08'
    >>> year_of_cited("09", "BRASILIA", 12, "09BRASILIA28")
    '09'
    >>> year_of_cited("09", "BRASILIA", 30, "09BRASILIA28")  # released a moment later
    '09'
    >>> year_of_cited("00", "STATE", 200000, "00STATE1")
    '99'
    """
    parts = _ID_PARTS_RE.fullmatch(citing_id or "")
    if parts is None or parts[1] != year[-2:] or canonical_station(station) != parts[2]:
        return year
    factor, slack = _SERIAL_SLACK
    if serial <= int(parts[3]) * factor + slack:
        return year
    return f"{(int(parts[1]) - 1) % 100:02d}"


def find_cables(text: str, year: str, citing_id: str | None = None) -> list[tuple[str, str]]:
    """(canonical id, matched text) of the cables cited in one bullet's text; a cable
    written without a year takes the citing cable's (see :func:`year_of_cited`).

    >>> find_cables("BRASILIA 2799 AND 2764", "08")
    [('08BRASILIA2799', 'BRASILIA 2799'), ('08BRASILIA2764', 'BRASILIA 2764')]
    >>> find_cables("SECSTATE 232089 & USUN 2336", "06")
    [('06STATE232089', 'SECSTATE 232089'), ('06USUNNEWYORK2336', 'USUN 2336')]
    >>> find_cables("DOHA 311 (07)", "09")
    [('07DOHA311', 'DOHA 311')]
    >>> find_cables("A) PANAMA 00789/08 AND PREVIOUS 03 RANGOON 1427", "09")
    [('08PANAMA789', 'PANAMA 789'), ('03RANGOON1427', 'RANGOON 1427')]
    >>> find_cables("09RIYADH 1302, ASHGABAT687, PARIS POINTS 20 SEPTEMBER 2007", "10")
    [('09RIYADH1302', 'RIYADH 1302'), ('10ASHGABAT687', 'ASHGABAT 687')]
    """
    return [
        (cited_cable_id(mention, year, citing_id), f"{mention[0]} {int(mention[1])}")
        for mention in cable_mentions(text)
    ]


def cited_cable_id(mention: Mention, year: str, citing_id: str | None) -> str:
    """The canonical id of one cited cable; its year as written, else the citing cable's
    (see :func:`year_of_cited`).

    >>> cited_cable_id(("TOKYO", "1464", None), "08", "08STATE68633")
    '08TOKYO1464'
    """
    station, serial, written = mention
    cited_year = written or year_of_cited(year, station, int(serial), citing_id)
    return canonical_cable_id(cited_year, station, serial)


def cable_mentions(text: str) -> list[Mention]:
    """(station, serial, year when written) of each cable one bullet's text cites.

    >>> cable_mentions("A) PANAMA 00789/08 AND 790")
    [('PANAMA', '789', '08'), ('PANAMA', '790', '08')]
    """
    found: list[Mention] = []
    pos = 0
    while (match := _CABLE_RE.search(text, pos)) is not None:
        pos = match.end()
        words = match[2].split()
        while words and (words[0] in _NOT_STATION or len(words[0]) == 1):
            words.pop(0)
        known = "".join(words) in station_aliases()
        if not words or (not known and any(w in _NOT_STATION or w.endswith("-") for w in words)):
            pos = match.start(2) + len(match[2].split()[0]) if match[2] else match.end()
            continue
        station = " ".join(words)
        serials = [match[3]]
        while (more := _MORE_RE.match(text, pos)) is not None:
            pos = more.end()
            serials.append(more[1])
        written = match[4] or match[5] or match[1]
        found.extend((station, serial, written) for serial in serials)
    return found


@lru_cache(maxsize=BULLET_CACHE)
def read_bullet(text: str) -> tuple[RefKind, tuple[Mention, ...]]:
    """The kind of one bullet's text and the cables it cites, whoever cites them (cached:
    the same citation recurs across cables; the year is resolved per citing cable).

    >>> read_bullet("SECDEF DTG 031932Z JUN 08")
    (<RefKind.MESSAGE: 'message'>, ())
    """
    kind = classify_other(text)
    # the pattern opens with \b, tried at every position: its literals are looked for first
    not_cable = ("FA" in text or "IMSWM" in text) and _NOT_CABLE_RE.search(text) is not None
    cited = kind is not RefKind.MESSAGE and not not_cable
    return kind, tuple(cable_mentions(text)) if cited else ()


def classify_other(text: str) -> RefKind:
    """The kind of a cited document that is not a cable (the kind patterns are tried
    only when the text holds a literal one of them needs).

    >>> str(classify_other("LAKHDHIR E-MAIL 12/01/09")), str(classify_other("TOKYO 1464"))
    ('email', 'other')
    """
    if _KIND_HINT_RE.search(text) is None:
        return RefKind.OTHER
    return next((kind for pattern, kind in _KIND_WORDS if pattern.search(text)), RefKind.OTHER)


def parse_references_python(
    value: str | None, *, citing_id: str, year: str
) -> tuple[Reference, ...]:
    """All references of a REF value; a cable never cites itself (the reference of the
    compiled ``references_c.references_ascii``, and what reads the values it declines)."""
    if not value:
        return ()
    # once each, in order; keyed by the fields (a Reference's own hash is Python code)
    refs: dict[tuple[str | None, RefKind, str | None, str], None] = {}
    for bullet, text in split_bullets(value.upper()):
        kind, mentions = read_bullet(text)
        if not mentions:
            refs[bullet, kind, None, text.strip(" ,;.")] = None
        for mention in mentions:
            cable_id = cited_cable_id(mention, year, citing_id)
            if cable_id != citing_id:
                refs[bullet, RefKind.CABLE, cable_id, text.strip(" ,;.")] = None
    return tuple(Reference(*fields) for fields in refs)


def declined(value: str, citing_id: str, year: str) -> tuple[Reference, ...] | None:
    """The stand-in for the compiled reading where it is not built: it declines (None)."""
    return None


try:  # the compiled reading of ASCII values, built by ``pip install`` (references_c.pyx)
    from loaders.header.references_c import references_ascii as references_ascii
except ImportError:  # pragma: no cover - a checkout that was never built
    references_ascii = declined

#: True when the compiled reading (``references_c``) is in use.
COMPILED: Final = references_ascii is not declined


def parse_references(value: str | None, *, citing_id: str, year: str) -> tuple[Reference, ...]:
    """All references of a REF value; a cable never cites itself. The compiled reading
    answers for most values, :func:`parse_references_python` for those it declines (None).

    >>> [r.id for r in parse_references("A. TOKYO 1464 ¶B. 1593", citing_id="08X1", year="08")]
    ['08TOKYO1464', None]
    """
    if not value:
        return ()
    found = references_ascii(value, citing_id, year)
    if found is not None:
        return found
    return parse_references_python(value, citing_id=citing_id, year=year)
