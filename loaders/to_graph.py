"""Map a :class:`~loaders.record.Cable` record to a :class:`~graph.model.GraphBatch`.

One cable gives its own node and everything it links to (see docs/architecture.md):
posts (SENT, SENT_TO, REQUESTS; LOCATED_IN their country when :data:`POST_COUNTRIES`
knows it), cited cables (placeholders, ``in_corpus`` false, until loaded) and other
references (CITES), tags (TAGGED; geo tags DENOTE their country, organization tags their
organization), mentioned countries, officials, organizations and assets (MENTIONS with
the number of times the name occurs in the body, at least 1), the classifying official
(CLASSIFIED_BY) and signers (SIGNED_BY). Values whose id part normalises to nothing are
dropped. Every node besides the cable carries the cable's ``level``/``level_rel``; the
store keeps the minimum over all cables.

>>> from loaders.record import PostRef
>>> batch = cable_to_batch(Cable(id="08TOKYO1", date="2008-01-02", dtg=None,
...     classification="SECRET", caveats=("NOFORN",), origin=PostRef("TOKYO", "AMEMBASSY TOKYO")))
>>> [(n.id, n.level, n.level_rel) for n in batch.nodes]
[('cable:08TOKYO1', 2, 99), ('post:TOKYO', 2, 99), ('country:JA', 2, 99)]
>>> [(e.source, e.kind.value, e.target) for e in batch.edges]
[('post:TOKYO', 'LOCATED_IN', 'country:JA'), ('post:TOKYO', 'SENT', 'cable:08TOKYO1')]
"""

from __future__ import annotations

import re

from graph.model import NEVER, EdgeKind, FlatBatch, GraphBatch, Level, NodeKind, PropValue, make_id
from loaders.record import Cable, PostRef, RefKind, TagKind
from loaders.to_graph_build import (
    FlatBuilder,
    count_lowered,
    inflate,
    normalized,
)
from loaders.to_graph_posts import POST_COUNTRIES, post_kind

K, E = NodeKind, EdgeKind


def cable_levels(cable: Cable) -> tuple[int, int]:
    """``(level, level_rel)`` of a loaded cable: its classification word (unknown counts
    as SECRET, to be safe), and :data:`~graph.model.NEVER` for release when NOFORN.

    >>> cable_levels(Cable("X", None, None, "CONFIDENTIAL"))
    (1, 1)
    >>> cable_levels(Cable("X", None, None, "SECRET//NOFORN"))
    (2, 99)
    >>> cable_levels(Cable("X", None, None, None, caveats=("NOFORN",)))
    (2, 99)
    """
    words = re.findall(r"[A-Z]+", (cable.classification or "").upper())
    level = int(Level[words[0]]) if words and words[0] in Level.__members__ else int(Level.SECRET)
    noforn = "NOFORN" in cable.caveats or "NOFORN" in words
    return level, NEVER if noforn else level


def mention_count(body: str, name: str) -> int:
    """How often ``name`` occurs in ``body`` as whole words, ignoring case; at least 1.

    >>> mention_count("Japan and JAPAN; Japanese", "Japan")
    2
    >>> mention_count("", "ISAF")
    1
    """
    return count_lowered(body.lower(), name.lower())


def has_id_part(value: str | None) -> bool:
    """True when ``value`` can be part of an id (it normalises to something).

    >>> has_id_part("Ch-47"), has_id_part(" -- "), has_id_part(None)
    (True, False, False)
    """
    return bool(value and normalized(value))


def add_post(builder: FlatBuilder, post: PostRef) -> str | None:
    """The post node (and its country, LOCATED_IN) for ``post``; None without a key."""
    if not has_id_part(post.key):
        return None
    country = POST_COUNTRIES.get(post.key)
    props: dict[str, PropValue] = {
        "key": post.key,
        "name": post.name,
        "kind": post_kind(post),
        "country": country[0] if country else None,
    }
    post_id = builder.node(K.POST, post.key, post.key, props)
    if country:
        code, name = country
        country_id = builder.node(K.COUNTRY, code, name, {"code": code, "name": name})
        builder.edge(post_id, E.LOCATED_IN, country_id, {})
    return post_id


def add_posts(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """SENT from the origin, SENT_TO each addressee (action before info), REQUESTS."""
    if cable.origin and (origin := add_post(builder, cable.origin)):
        builder.edge(origin, E.SENT, cable_id, {})
    ordered = sorted(cable.recipients, key=lambda r: r.role != "action")
    for recipient in ordered:
        post_id = add_post(builder, PostRef(recipient.key, recipient.name))
        if post_id:
            props = {"role": recipient.role.value, "precedence": recipient.precedence}
            builder.edge(cable_id, E.SENT_TO, post_id, dict(props))
    for request in cable.requests:
        post_id = add_post(builder, request.post)
        if post_id:
            props = {"action": request.action, "deadline": request.deadline}
            builder.edge(cable_id, E.REQUESTS, post_id, dict(props))


def add_references(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """CITES each cited cable (a placeholder node) or other reference (a Reference)."""
    for ref in cable.references:
        props: dict[str, PropValue] = {"bullet": ref.bullet}
        if ref.kind is RefKind.CABLE and has_id_part(ref.id) and ref.id != cable.id:
            assert ref.id is not None
            target = builder.node(K.CABLE, ref.id, ref.id, {"in_corpus": False})
            builder.edge(cable_id, E.CITES, target, props)
        elif ref.kind is not RefKind.CABLE and has_id_part(ref.bullet or ref.text):
            key = ref.bullet or ref.text
            ref_props: dict[str, PropValue] = {
                "key": f"{cable.id}/{normalized(key)}",
                "kind": ref.kind.value,
                "text": ref.text,
            }
            target_id = make_id(K.REFERENCE, cable.id, key)
            builder.put(target_id, K.REFERENCE, ref.text, ref_props)
            builder.edge(cable_id, E.CITES, target_id, props)


def add_tags(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """TAGGED each tag; geo tags DENOTE their country, organization tags the organization."""
    for tag in cable.tags:
        if not has_id_part(tag.code):
            continue
        tag_id = builder.node(K.TAG, tag.code, tag.code, {"code": tag.code, "kind": tag.kind.value})
        builder.edge(cable_id, E.TAGGED, tag_id, {})
        if tag.kind is TagKind.GEO and tag.country:
            props: dict[str, PropValue] = {"code": tag.code, "name": tag.country}
            builder.edge(
                tag_id, E.DENOTES, builder.node(K.COUNTRY, tag.code, tag.country, props), {}
            )
        elif tag.kind is TagKind.ORGANIZATION:
            org_props: dict[str, PropValue] = {"code": tag.code, "name": tag.code}
            org_id = builder.node(K.ORGANIZATION, tag.code, tag.code, org_props)
            builder.edge(tag_id, E.DENOTES, org_id, {})


def add_official(builder: FlatBuilder, name: str, title: str | None) -> str | None:
    """The official node of ``name`` (titles: ``title`` when given)."""
    if not has_id_part(name):
        return None
    props: dict[str, PropValue] = {
        "key": normalized(name),
        "name": name,
        "titles": (title,) if title else (),
    }
    return builder.node(K.OFFICIAL, name, name, props)


def add_mentions(builder: FlatBuilder, cable: Cable, cable_id: str, body: str) -> None:
    """MENTIONS each country, official, organization and asset, with a count."""
    mentioned: list[tuple[str | None, str]] = []
    for country in cable.countries:
        if has_id_part(country.code):
            props: dict[str, PropValue] = {"code": country.code, "name": country.name}
            mentioned.append(
                (builder.node(K.COUNTRY, country.code, country.name, props), country.name)
            )
    for official in cable.officials:
        surname = official.name.split()[-1] if official.name.split() else official.name
        mentioned.append((add_official(builder, official.name, official.title), surname))
    for org in cable.organizations:
        if has_id_part(org):
            org_id = builder.node(K.ORGANIZATION, org, org, {"code": org, "name": org})
            mentioned.append((org_id, org))
    for asset in cable.assets:
        if has_id_part(asset.name):
            props = {"name": asset.name, "kind": asset.kind}
            mentioned.append((builder.node(K.ASSET, asset.name, asset.name, props), asset.name))
    lowered = body.lower()
    for target, name in mentioned:
        if target:
            builder.edge(
                cable_id, E.MENTIONS, target, {"count": count_lowered(lowered, name.lower())}
            )


def add_entities(builder: FlatBuilder, cable: Cable, cable_id: str, body: str) -> None:
    """Tags, mentions, CLASSIFIED_BY and SIGNED_BY."""
    add_tags(builder, cable, cable_id)
    add_mentions(builder, cable, cable_id, body)
    if cable.classified_by:
        by = add_official(builder, cable.classified_by.name, cable.classified_by.title)
        if by:
            builder.edge(cable_id, E.CLASSIFIED_BY, by, {})
    for signer in cable.signers:
        signer_id = add_official(builder, signer, None)
        if signer_id:
            builder.edge(cable_id, E.SIGNED_BY, signer_id, {})


def cable_to_batch(cable: Cable) -> GraphBatch:
    """The graph of one loaded cable (see the module docstring)."""
    return inflate(cable_to_flat(cable))


def cable_to_flat(cable: Cable) -> FlatBatch:
    """:func:`cable_to_batch` as flat tuples (what ingest workers send to the writer)."""
    level, level_rel = cable_levels(cable)
    builder = FlatBuilder(level, level_rel)
    body = cable.body or "\n\n".join(p.text for p in cable.paragraphs)
    props: dict[str, PropValue] = {
        "date": cable.date,
        "dtg": cable.dtg,
        "subject": cable.subject,
        "classification": cable.classification,
        "caveats": tuple(cable.caveats),
        "precedence": cable.precedence,
        "summary": cable.summary,
        "header": cable.header,
        "body": body,
        "in_corpus": True,
    }
    cable_id = make_id(K.CABLE, cable.id)
    builder.nodes[cable_id] = (cable_id, K.CABLE.value, cable.id, props, level, level_rel)
    add_posts(builder, cable, cable_id)
    add_references(builder, cable, cable_id)
    add_entities(builder, cable, cable_id, body)
    return builder.flat()
