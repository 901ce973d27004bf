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

import functools
import re
from typing import Final, TypeAlias

from graph.model import (
    NEVER,
    EdgeKind,
    FlatBatch,
    FlatEdge,
    FlatNode,
    GraphBatch,
    Level,
    NodeKind,
    PropValue,
    make_id,
)
from loaders.record import Cable, RefKind, TagKind
from loaders.to_graph_build import (
    FlatBuilder,
    NodeCore,
    asset_node,
    count_lowered,
    count_words,
    entity_core,
    node_id,
    normalized,
    official_node,
    organization_node,
)
from loaders.to_graph_flat import inflate
from loaders.to_graph_posts import country_node, post_nodes

K, E = NodeKind, EdgeKind
#: A tag's node, and what it DENOTES (node and edge) when it denotes something.
TagNodes: TypeAlias = tuple[FlatNode, FlatNode | None, FlatEdge | None] | None

_SENT: Final = E.SENT.value
_SENT_TO: Final = E.SENT_TO.value
_REQUESTS: Final = E.REQUESTS.value
_CITES: Final = E.CITES.value
_TAGGED: Final = E.TAGGED.value
_DENOTES: Final = E.DENOTES.value
_MENTIONS: Final = E.MENTIONS.value
_CLASSIFIED_BY: Final = E.CLASSIFIED_BY.value
_SIGNED_BY: Final = E.SIGNED_BY.value


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


def add_post(builder: FlatBuilder, key: str, name: str) -> str | None:
    """The post node (and its country, LOCATED_IN) of ``key``; None without an id part."""
    made = post_nodes(key, name, builder.level, builder.level_rel)
    if made is None:
        return None
    post, country, located = made
    builder.add(post)
    if country is not None and located is not None:
        builder.add(country)
        builder.add_edge(located)
    return post[0]


def add_posts(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """SENT from the origin, SENT_TO each addressee (action before info), REQUESTS."""
    if cable.origin and (origin := add_post(builder, cable.origin.key, cable.origin.name)):
        builder.link(origin, _SENT, cable_id, {})
    ordered = sorted(cable.recipients, key=lambda r: r.role != "action")
    for recipient in ordered:
        post_id = add_post(builder, recipient.key, recipient.name)
        if post_id:
            sent_to: dict[str, PropValue] = {
                "role": recipient.role._value_,
                "precedence": recipient.precedence,
            }
            builder.link(cable_id, _SENT_TO, post_id, sent_to)
    for request in cable.requests:
        post_id = add_post(builder, request.post.key, request.post.name)
        if post_id:
            asked: dict[str, PropValue] = {"action": request.action, "deadline": request.deadline}
            builder.link(cable_id, _REQUESTS, post_id, asked)


def add_references(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """CITES each cited cable (a placeholder node) or other reference (a Reference)."""
    for ref in cable.references:
        props: dict[str, PropValue] = {"bullet": ref.bullet}
        if ref.kind is RefKind.CABLE and has_id_part(ref.id) and ref.id != cable.id:
            assert ref.id is not None
            target = builder.node(K.CABLE, ref.id, ref.id, {"in_corpus": False})
            builder.link(cable_id, _CITES, target, props)
        elif ref.kind is not RefKind.CABLE and has_id_part(ref.bullet or ref.text):
            key = ref.bullet or ref.text
            ref_props: dict[str, PropValue] = {
                "key": f"{cable.id}/{normalized(key)}",
                "kind": ref.kind.value,
                "text": ref.text,
            }
            target_id = make_id(K.REFERENCE, cable.id, key)
            builder.put(target_id, K.REFERENCE, ref.text, ref_props)
            builder.link(cable_id, _CITES, target_id, props)


@functools.lru_cache(maxsize=1 << 14)
def tag_nodes(
    code: str, kind: TagKind, country: str | None, level: int, level_rel: int
) -> TagNodes:
    """The Tag node of ``code`` at these levels, and what a geo or organization tag
    DENOTES (node, edge); None when ``code`` has no id part. Made once per process
    (the props and the edge are the same at every level).

    >>> tag, denoted, denotes = tag_nodes("JA", TagKind.GEO, "Japan", 0, 0)
    >>> tag
    ('tag:JA', 'Tag', 'JA', {'code': 'JA', 'kind': 'geo'}, 0, 0)
    >>> denoted[0], denotes, tag_nodes("JA", TagKind.GEO, "Japan", 2, 2)[2] is denotes
    ('country:JA', ('tag:JA', 'DENOTES', 'country:JA', {}), True)
    >>> tag_nodes("PREL", TagKind.SUBJECT, None, 0, 0)[1:]
    (None, None)
    >>> tag_nodes("--", TagKind.SUBJECT, None, 0, 0) is None
    True
    """
    made = _tag(code, kind, country)
    if made is None:
        return None
    core, denotes = made
    tag: FlatNode = (core[0], core[1], core[2], core[3], level, level_rel)
    if denotes is None:
        return tag, None, None
    if kind is TagKind.GEO:
        return tag, country_node(code, country or "", level, level_rel), denotes
    return tag, organization_node(code, level, level_rel), denotes


@functools.lru_cache(maxsize=1 << 14)
def _tag(code: str, kind: TagKind, country: str | None) -> tuple[NodeCore, FlatEdge | None] | None:
    core = entity_core(K.TAG, code, code, {"code": code, "kind": kind._value_})
    if core is None:
        return None
    tag_id = core[0]
    if kind is TagKind.GEO and country:
        return core, (tag_id, _DENOTES, node_id(K.COUNTRY, code), {})
    if kind is TagKind.ORGANIZATION:
        return core, (tag_id, _DENOTES, node_id(K.ORGANIZATION, code), {})
    return core, None


def add_tags(builder: FlatBuilder, cable: Cable, cable_id: str) -> None:
    """TAGGED each tag; geo tags DENOTE their country, organization tags the organization."""
    level, level_rel = builder.level, builder.level_rel
    for tag in cable.tags:
        made = tag_nodes(tag.code, tag.kind, tag.country, level, level_rel)
        if made is None:
            continue
        node, denoted, denotes = made
        builder.add(node)
        builder.link(cable_id, _TAGGED, node[0], {})
        if denoted is not None and denotes is not None:
            builder.add(denoted)
            builder.add_edge(denotes)


def add_official(builder: FlatBuilder, name: str, title: str | None) -> str | None:
    """The official node of ``name`` (titles: ``title`` when given)."""
    node = official_node(name, title, builder.level, builder.level_rel)
    if node is None:
        return None
    builder.add(node)
    return node[0]


def add_mentions(builder: FlatBuilder, cable: Cable, cable_id: str, body: str) -> None:
    """MENTIONS each country, official, organization and asset, with a count."""
    level, level_rel = builder.level, builder.level_rel
    nodes: list[FlatNode | None] = []
    names: list[str] = []
    for country in cable.countries:
        nodes.append(country_node(country.code, country.name, level, level_rel))
        names.append(country.name)
    for official in cable.officials:
        words = official.name.split()
        nodes.append(official_node(official.name, official.title, level, level_rel))
        names.append(words[-1] if words else official.name)
    for org in cable.organizations:
        nodes.append(organization_node(org, level, level_rel))
        names.append(org)
    for asset in cable.assets:
        nodes.append(asset_node(asset.name, asset.kind, level, level_rel))
        names.append(asset.name)
    kept = [
        (node, name.lower()) for node, name in zip(nodes, names, strict=True) if node is not None
    ]
    counts = count_words(body.lower(), [name for _, name in kept])
    for (node, _), count in zip(kept, counts, strict=True):
        builder.add(node)
        builder.link(cable_id, _MENTIONS, node[0], {"count": count})


def add_entities(builder: FlatBuilder, cable: Cable, cable_id: str, body: str) -> None:
    """Tags, mentions, CLASSIFIED_BY and SIGNED_BY."""
    add_tags(builder, cable, cable_id)
    add_mentions(builder, cable, cable_id, body)
    if cable.classified_by:
        by = add_official(builder, cable.classified_by.name, cable.classified_by.title)
        if by:
            builder.link(cable_id, _CLASSIFIED_BY, by, {})
    for signer in cable.signers:
        signer_id = add_official(builder, signer, None)
        if signer_id:
            builder.link(cable_id, _SIGNED_BY, signer_id, {})


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
