"""The one place a :class:`~loaders.record.Cable` is built: container parts in, record out.

Header fields come from :mod:`loaders.header`; body entities from
:func:`loaders.entities.extract_body_entities`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from loaders.entities import BodyEntities, BodyParts, extract_body_entities
from loaders.header import clear_caches as clear_header_caches
from loaders.header.authority import (
    parse_classified_by,
    parse_declassify,
    parse_reasons,
    parse_signers,
)
from loaders.header.dtg import parse_created, parse_export_date
from loaders.header.markings import banner_level, head_caveats, merge_caveats, split_marking
from loaders.header.preamble import Preamble, split_preamble
from loaders.header.references import parse_references
from loaders.header.repair import repair_text
from loaders.header.routing import AddresseeRow, read_routing
from loaders.header.stations import canonical_station, normalize_cable_id, station_of
from loaders.header.tables import geo_aliases, route_names
from loaders.header.tags import parse_tags
from loaders.readers.raw import RawCable, ReadError
from loaders.record import (
    Cable,
    ClassifiedBy,
    Country,
    Official,
    PostRef,
    Recipient,
    Reference,
    RefKind,
    Role,
    Tag,
)
from loaders.record_maker import (
    make_cable,
    make_country,
    make_official,
    make_post,
    make_recipient,
    make_reference,
)

#: The body entities of a record read without them (:func:`read_structure`).
NO_ENTITIES = BodyEntities(
    summary=None, paragraphs=(), officials=(), countries=(), organizations=(), places=(),
    assets=(), requests=(),
)  # fmt: skip
#: Distinct addressees (name, route, precedence, role) kept made into recipients.
RECIPIENT_CACHE = 16384


@cache
def routes_by_key() -> dict[str, str]:
    """Canonical station → routing indicator, from the ACP 117 table (``RUEH`` first)."""
    table: dict[str, str] = {}
    for route, name in sorted(route_names().items(), key=lambda kv: not kv[0].startswith("RUEH")):
        table.setdefault(canonical_station(name), route)
    return table


def clear_caches() -> None:
    """Empty the header parsers' caches and the recipients made (see
    :func:`loaders.header.clear_caches`)."""
    clear_header_caches()
    recipient_of.cache_clear()


@lru_cache(maxsize=RECIPIENT_CACHE)
def recipient_of(name: str, route: str | None, precedence: str | None, role: Role) -> Recipient:
    """The recipient of one addressee's fields but its MCN (cached: addressees recur
    across cables, each time with another MCN).

    >>> recipient_of("AMEMBASSY TOKYO", None, "PRIORITY", Role.INFO).route
    'RUEHKO'
    """
    key = canonical_station(name)
    return make_recipient(name, key, route or routes_by_key().get(key), precedence, None, role)


def make_recipients(rows: Sequence[AddresseeRow]) -> tuple[Recipient, ...]:
    """The recipients of the routing's addressee rows: a cached recipient for an
    addressee without an MCN, the cached one's station and route for one with it.

    >>> [r.mcn for r in make_recipients([("SECSTATE WASHDC", "RUEHC", None, "7906", Role.ACTION)])]
    ['7906']
    """
    made = []
    for name, route, precedence, mcn, role in rows:
        known = recipient_of(name, route, precedence, role)
        if mcn is not None:
            known = make_recipient(name, known.key, known.route, precedence, mcn, role)
        made.append(known)
    return tuple(made)


def cable_date(raw: RawCable, dtg: str | None) -> str | None:
    """The cable's date: the container's, else the DTG's.

    >>> cable_date(RawCable("s", "x", "Thu Jun 26 00:00:00 +0200 2008", None, None, "", ""), None)
    '2008-06-26'
    """
    created = raw.created or ""
    found = parse_export_date(created) or parse_created(created) if created else None
    return found or (dtg[:10] if dtg else None)


def merge_references(
    parsed: tuple[Reference, ...], cited_ids: Sequence[str], citing_id: str
) -> tuple[Reference, ...]:
    """References of the REF line, plus ids a container lists that the text lacks (most
    containers list none: the REF line's are returned as they are).

    >>> tokyo = Reference("A", RefKind.CABLE, "08TOKYO1464", "TOKYO 1464")
    >>> merge_references((tokyo,), (), "08STATE1") == (tokyo,)
    True
    >>> [r.id for r in merge_references((tokyo,), ["08TOKYO1464", "08 SECSTATE 5"], "08STATE1")]
    ['08TOKYO1464', '08STATE5']
    """
    if not cited_ids:
        return parsed
    known = {ref.id for ref in parsed}
    extra = []
    for text in cited_ids:
        cable_id = normalize_cable_id(text)
        if cable_id and cable_id not in known and cable_id != citing_id:
            known.add(cable_id)
            extra.append(make_reference(None, RefKind.CABLE, cable_id, text))
    return parsed + tuple(extra)


def merge_officials(
    classified_by: ClassifiedBy | None, found: Sequence[Official]
) -> tuple[Official, ...]:
    """Officials the text names, plus the classified-by official when the text does not
    name that person already (compared by surname).

    >>> davies = ClassifiedBy("Glyn Davies", "EAP Acting A/S")
    >>> [o.name for o in merge_officials(davies, [Official("Koumura", None, None)])]
    ['Koumura', 'Glyn Davies']
    >>> len(merge_officials(davies, [Official("Davies", "A/S", None)]))
    1
    """
    words = classified_by.name.split() if classified_by is not None else []
    if classified_by is None or not words:
        return tuple(found)
    surname = words[-1].upper()
    for official in found:
        last = official.name.rsplit(None, 1)  # its last word, if any
        if last and last[-1].upper() == surname:
            return tuple(found)
    return (*found, make_official(classified_by.name, classified_by.title, None))


def merge_countries(tags: Sequence[Tag], found: Sequence[Country]) -> tuple[Country, ...]:
    """Countries of the geo TAGS, then those the text names; one per code."""
    merged: dict[str, Country] = {}
    aliases = geo_aliases()
    for tag in tags:
        if tag.country is not None:
            code = aliases.get(tag.code, tag.code)
            merged.setdefault(code, make_country(code, tag.country))
    for country in found:
        merged.setdefault(country.code, country)
    return tuple(merged.values())


def clean_subject(preamble: Preamble, hint: str | None) -> str | None:
    """The subject joined across lines and repaired; the container's when absent."""
    subject = preamble.subject or hint
    return " ".join(repair_text(subject).split()) or None if subject else None


class Header(NamedTuple):
    """Every header and preamble field of one cable: the record before its body entities
    (in the order of :class:`~loaders.record.Cable`'s fields, which has ``summary`` after
    ``subject``)."""

    date: str | None
    dtg: str | None
    classification: str | None
    caveats: tuple[str, ...]
    precedence: str | None
    subject: str | None
    origin: PostRef | None
    recipients: tuple[Recipient, ...]
    references: tuple[Reference, ...]
    tags: tuple[Tag, ...]
    classified_by: ClassifiedBy | None
    classification_reasons: tuple[str, ...]
    declassify_on: str | None
    signers: tuple[str, ...]
    partial: bool


def assemble_cable(raw: RawCable, parts: BodyParts = BodyParts.ALL) -> Cable:
    """Build the record of one cable; :class:`ReadError` when it has no usable id.
    Body entities not in ``parts`` are left empty. The record is built once, from the
    header fields and the body entities (no intermediate record)."""
    cable_id = normalize_cable_id(raw.id or "")
    if cable_id is None:
        raise ReadError(f"no cable reference id (got {raw.id!r})")
    body = repair_text(raw.body)
    head = read_header(raw, cable_id, body)
    found = extract_body_entities(
        body,
        cable_id=cable_id,
        date=head.date,
        origin_key=head.origin.key if head.origin else None,
        recipients=head.recipients,
        parts=parts,
    )
    return build_cable(cable_id, head, raw, body, found)


def build_cable(
    cable_id: str, head: Header, raw: RawCable, body: str, found: BodyEntities | None = None
) -> Cable:
    """The record of the header fields and, when given, the body entities (the
    classified-by official and the countries of geo TAGS merged into theirs)."""
    h = head
    officials: tuple[Official, ...] = ()
    countries: tuple[Country, ...] = ()
    if found is None:
        found = NO_ENTITIES
    else:
        officials = merge_officials(h.classified_by, found.officials)
        countries = merge_countries(h.tags, found.countries)
    return make_cable(
        cable_id, h.date, h.dtg, h.classification, h.caveats, h.precedence, h.subject,
        found.summary, h.origin, h.recipients, h.references, h.tags, h.classified_by,
        h.classification_reasons, h.declassify_on, h.signers, officials, countries,
        found.organizations, found.places, found.assets, found.requests, h.partial,
        raw.header, body, found.paragraphs, raw.source,
    )  # fmt: skip


def read_header(raw: RawCable, cable_id: str, body: str) -> Header:
    """Every header and preamble field of one cable (``body`` already repaired)."""
    preamble = split_preamble(body)
    precedence, dtg, origin, rows = read_routing(raw.header)
    level, container_caveats = split_marking(raw.marking or "")
    cby = preamble.classified_by or ""
    refs = parse_references(preamble.ref, citing_id=cable_id, year=cable_id[:2])
    return Header(
        date=cable_date(raw, dtg),
        dtg=dtg,
        classification=level or banner_level(body),
        caveats=merge_caveats(container_caveats, head_caveats(preamble.head, 12)),
        precedence=precedence,
        subject=clean_subject(preamble, raw.subject_hint),
        origin=make_origin(cable_id, origin, raw.office),
        recipients=make_recipients(rows),
        references=merge_references(refs, raw.cited_ids, cable_id),
        tags=parse_tags(preamble.tags),
        classified_by=parse_classified_by(cby) if cby else None,
        classification_reasons=parse_reasons(cby),
        declassify_on=parse_declassify(preamble.decl),
        signers=parse_signers(body),
        partial=is_partial(origin, rows, body),
    )


def read_structure(raw: RawCable, cable_id: str, body: str) -> Cable:
    """The record with every header and preamble field, before the body entities."""
    return build_cable(cable_id, read_header(raw, cable_id, body), raw, body)


def make_origin(cable_id: str, origin: str | None, office: str | None) -> PostRef | None:
    """The sending post: key from the cable id, name as written in FM (else the office).

    >>> make_origin("08STATE68633", "SECSTATE WASHDC", None)
    PostRef(key='STATE', name='SECSTATE WASHDC')
    """
    name = origin or office
    key = station_of(cable_id) or (canonical_station(name) if name else None)
    if key is None:
        return None
    return make_post(key, name or key)


def is_partial(origin: str | None, addressees: Sequence[object], body: str) -> bool:
    """True when the routing header (FM/TO) or the body is missing.

    >>> is_partial("AMEMBASSY TOKYO", ["SECSTATE WASHDC"], " \\n"), is_partial(None, [], "x")
    (True, True)
    """
    return origin is None or not addressees or not body or body.isspace()
