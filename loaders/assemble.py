"""The one place a :class:`~loaders.record.Cable` is built: container parts in, record out.

Header fields come from :mod:`loaders.header`; body entities from
:func:`loaders.entities.extract_body_entities`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import NamedTuple

from loaders.entities import BodyEntities, BodyParts, extract_body_entities
from loaders.header.authority import (
    parse_classified_by,
    parse_declassify,
    parse_reasons,
    parse_signers,
)
from loaders.header.dtg import parse_created, parse_export_date
from loaders.header.markings import banner_level, find_caveats, merge_caveats, split_marking
from loaders.header.preamble import Preamble, split_preamble
from loaders.header.references import parse_references
from loaders.header.repair import repair_text
from loaders.header.routing import Addressee, Routing, parse_routing
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
    Tag,
)


@cache
def routes_by_key() -> dict[str, str]:
    """Canonical station → routing indicator, from the ACP 117 table (``RUEH`` first)."""
    table: dict[str, str] = {}
    for route, name in sorted(route_names().items(), key=lambda kv: not kv[0].startswith("RUEH")):
        table.setdefault(canonical_station(name), route)
    return table


def make_recipient(addressee: Addressee, routes: Mapping[str, str] | None = None) -> Recipient:
    """A recipient with its canonical key (and its routing indicator when not written,
    from ``routes``: :func:`routes_by_key` unless given)."""
    key = canonical_station(addressee.name)
    route = addressee.route or (routes_by_key() if routes is None else routes).get(key)
    return Recipient(
        addressee.name, key, route, addressee.precedence, addressee.mcn, addressee.role
    )


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
    """References of the REF line, plus ids a container lists that the text lacks."""
    known = {ref.id for ref in parsed}
    extra = []
    for text in cited_ids:
        cable_id = normalize_cable_id(text)
        if cable_id and cable_id not in known and cable_id != citing_id:
            known.add(cable_id)
            extra.append(Reference(None, RefKind.CABLE, cable_id, text))
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
    if classified_by is None or not classified_by.name.split():
        return tuple(found)
    surname = classified_by.name.split()[-1].upper()
    if any(o.name.split() and o.name.split()[-1].upper() == surname for o in found):
        return tuple(found)
    return (*found, Official(classified_by.name, classified_by.title, None))


def merge_countries(tags: Sequence[Tag], found: Sequence[Country]) -> tuple[Country, ...]:
    """Countries of the geo TAGS, then those the text names; one per code."""
    merged: dict[str, Country] = {}
    aliases = geo_aliases()
    for tag in tags:
        if tag.country is not None:
            code = aliases.get(tag.code, tag.code)
            merged.setdefault(code, Country(code, tag.country))
    for country in found:
        merged.setdefault(country.code, country)
    return tuple(merged.values())


def clean_subject(preamble: Preamble, hint: str | None) -> str | None:
    """The subject joined across lines and repaired; the container's when absent."""
    subject = preamble.subject or hint
    return " ".join(repair_text(subject).split()) or None if subject else None


class Header(NamedTuple):
    """Every header and preamble field of one cable: the record before its body entities."""

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
    return Cable(
        cable_id,
        head.date,
        head.dtg,
        head.classification,
        head.caveats,
        head.precedence,
        head.subject,
        found.summary,
        head.origin,
        head.recipients,
        head.references,
        head.tags,
        head.classified_by,
        head.classification_reasons,
        head.declassify_on,
        head.signers,
        merge_officials(head.classified_by, found.officials),
        merge_countries(head.tags, found.countries),
        found.organizations,
        found.places,
        found.assets,
        found.requests,
        head.partial,
        raw.header,
        body,
        found.paragraphs,
        raw.source,
    )


def read_header(raw: RawCable, cable_id: str, body: str) -> Header:
    """Every header and preamble field of one cable (``body`` already repaired)."""
    preamble = split_preamble(body)
    routing = parse_routing(raw.header)
    level, container_caveats = split_marking(raw.marking or "")
    cby = preamble.classified_by or ""
    refs = parse_references(preamble.ref, citing_id=cable_id, year=cable_id[:2])
    routes = routes_by_key()
    return Header(
        date=cable_date(raw, routing.dtg),
        dtg=routing.dtg,
        classification=level or banner_level(body),
        caveats=merge_caveats(container_caveats, find_caveats(preamble.head.splitlines()[:12])),
        precedence=routing.precedence,
        subject=clean_subject(preamble, raw.subject_hint),
        origin=make_origin(cable_id, routing, raw.office),
        recipients=tuple(make_recipient(a, routes) for a in routing.addressees),
        references=merge_references(refs, raw.cited_ids, cable_id),
        tags=parse_tags(preamble.tags),
        classified_by=parse_classified_by(cby) if cby else None,
        classification_reasons=parse_reasons(cby),
        declassify_on=parse_declassify(preamble.decl),
        signers=parse_signers(body),
        partial=is_partial(routing, body),
    )


def read_structure(raw: RawCable, cable_id: str, body: str) -> Cable:
    """The record with every header and preamble field, before the body entities."""
    head = read_header(raw, cable_id, body)
    return Cable(
        id=cable_id,
        date=head.date,
        dtg=head.dtg,
        classification=head.classification,
        caveats=head.caveats,
        precedence=head.precedence,
        subject=head.subject,
        origin=head.origin,
        recipients=head.recipients,
        references=head.references,
        tags=head.tags,
        classified_by=head.classified_by,
        classification_reasons=head.classification_reasons,
        declassify_on=head.declassify_on,
        signers=head.signers,
        partial=head.partial,
        header=raw.header,
        body=body,
        source=raw.source,
    )


def attach_entities(cable: Cable, found: BodyEntities) -> Cable:
    """The record with the body entities; countries of geo TAGS and of the text merged.
    (Built field by field: ``dataclasses.replace`` costs three times as much.)"""
    return Cable(
        cable.id,
        cable.date,
        cable.dtg,
        cable.classification,
        cable.caveats,
        cable.precedence,
        cable.subject,
        found.summary,
        cable.origin,
        cable.recipients,
        cable.references,
        cable.tags,
        cable.classified_by,
        cable.classification_reasons,
        cable.declassify_on,
        cable.signers,
        merge_officials(cable.classified_by, found.officials),
        merge_countries(cable.tags, found.countries),
        found.organizations,
        found.places,
        found.assets,
        found.requests,
        cable.partial,
        cable.header,
        cable.body,
        found.paragraphs,
        cable.source,
    )


def make_origin(cable_id: str, routing: Routing, office: str | None) -> PostRef | None:
    """The sending post: key from the cable id, name as written in FM (else the office)."""
    name = routing.origin or office
    key = station_of(cable_id) or (canonical_station(name) if name else None)
    if key is None:
        return None
    return PostRef(key=key, name=name or key)


def is_partial(routing: Routing, body: str) -> bool:
    """True when the routing header (FM/TO) or the body is missing."""
    return routing.origin is None or not routing.addressees or not body or body.isspace()
