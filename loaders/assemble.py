"""The one place a :class:`~loaders.record.Cable` is built: container parts in, record out.

Header fields come from :mod:`loaders.header`; body entities from
:func:`loaders.entities.extract_body_entities`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

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


def make_recipient(addressee: Addressee) -> Recipient:
    """A recipient with its canonical key (and its routing indicator when not written)."""
    key = canonical_station(addressee.name)
    route = addressee.route or routes_by_key().get(key)
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
    for tag in tags:
        if tag.country is not None:
            code = geo_aliases().get(tag.code, tag.code)
            merged.setdefault(code, Country(code, tag.country))
    for country in found:
        merged.setdefault(country.code, country)
    return tuple(merged.values())


def clean_subject(preamble: Preamble, hint: str | None) -> str | None:
    """The subject joined across lines and repaired; the container's when absent."""
    subject = preamble.subject or hint
    return " ".join(repair_text(subject).split()) or None if subject else None


def assemble_cable(raw: RawCable, parts: BodyParts = BodyParts.ALL) -> Cable:
    """Build the record of one cable; :class:`ReadError` when it has no usable id.
    Body entities not in ``parts`` are left empty."""
    cable_id = normalize_cable_id(raw.id or "")
    if cable_id is None:
        raise ReadError(f"no cable reference id (got {raw.id!r})")
    cable = read_structure(raw, cable_id, repair_text(raw.body))
    entities = extract_body_entities(
        cable.body,
        cable_id=cable_id,
        date=cable.date,
        origin_key=cable.origin.key if cable.origin else None,
        recipients=cable.recipients,
        parts=parts,
    )
    return attach_entities(cable, entities)


def read_structure(raw: RawCable, cable_id: str, body: str) -> Cable:
    """The record with every header and preamble field, before the body entities."""
    preamble = split_preamble(body)
    routing = parse_routing(raw.header)
    level, container_caveats = split_marking(raw.marking or "")
    cby = preamble.classified_by or ""
    refs = parse_references(preamble.ref, citing_id=cable_id, year=cable_id[:2])
    return Cable(
        id=cable_id,
        date=cable_date(raw, routing.dtg),
        dtg=routing.dtg,
        classification=level or banner_level(body),
        caveats=merge_caveats(container_caveats, find_caveats(preamble.head.splitlines()[:12])),
        precedence=routing.precedence,
        subject=clean_subject(preamble, raw.subject_hint),
        origin=make_origin(cable_id, routing, raw.office),
        recipients=tuple(make_recipient(a) for a in routing.addressees),
        references=merge_references(refs, raw.cited_ids, cable_id),
        tags=parse_tags(preamble.tags),
        classified_by=parse_classified_by(cby) if cby else None,
        classification_reasons=parse_reasons(cby),
        declassify_on=parse_declassify(preamble.decl),
        signers=parse_signers(body),
        partial=is_partial(routing, body),
        header=raw.header,
        body=body,
        source=raw.source,
    )


def attach_entities(cable: Cable, found: BodyEntities) -> Cable:
    """The record with the body entities; countries of geo TAGS and of the text merged."""
    return replace(
        cable,
        summary=found.summary,
        officials=merge_officials(cable.classified_by, found.officials),
        countries=merge_countries(cable.tags, found.countries),
        organizations=found.organizations,
        places=found.places,
        assets=found.assets,
        requests=found.requests,
        paragraphs=found.paragraphs,
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
    return routing.origin is None or not routing.addressees or not body.strip()
