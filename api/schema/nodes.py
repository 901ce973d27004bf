"""GraphQL node types: each wraps a :class:`graph.model.Node` (``from_model``), and the
``Node`` interface's ``id`` is the store node id (``cable:08STATE68633``).

Relationship fields are thin: a :class:`~api.schema.batching.RelationSpec` and a call
to :func:`~api.schema.relations.load_relations`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from api.context import GraphInfo
from api.schema import specs
from api.schema.batching import RelationSpec
from api.schema.enums import NodeKind
from api.schema.fields import field
from api.schema.relations import DEFAULT_FIRST, Relations, load_relations, optional_text
from graph import model as m

FIRST = DEFAULT_FIRST
N = TypeVar("N")


@strawberry.interface(description="A graph node; `id` is the store node id, e.g. `post:TOKYO`.")
class Node:
    id: strawberry.ID
    kind: NodeKind
    label: str
    model: strawberry.Private[m.Node]

    @field(description="How many visible edges touch this node.")
    async def degree(self, info: GraphInfo) -> int:
        return await info.context.loaders.degrees.load(self.model.id)

    async def related(
        self,
        info: GraphInfo,
        spec: RelationSpec,
        paging: tuple[int | None, str | None],
        wrap: Callable[[m.Node], N],
    ) -> Relations[N]:
        """One page of a relationship of this node (not a field: the fields call it)."""
        return await load_relations(info, self.model.id, spec, paging, wrap)


def base_fields(node: m.Node) -> dict[str, Any]:
    """The ``Node`` interface fields of any node type."""
    return {"id": strawberry.ID(node.id), "kind": NodeKind(node.kind.value), "label": node.label}


def texts(props: m.Props, key: str) -> list[str]:
    """A tuple-of-strings property as a list (empty when absent).

    >>> texts({"caveats": ("NOFORN",)}, "caveats"), texts({}, "titles")
    (['NOFORN'], [])
    """
    value = props.get(key)
    return list(value) if isinstance(value, tuple) else []


@strawberry.type(description="A diplomatic cable; a placeholder when `inCorpus` is false.")
class Cable(Node):
    cable_id: str = strawberry.field(description="The bare reference id, e.g. 08STATE68633.")
    date: str | None
    dtg: str | None
    subject: str | None
    classification: str | None
    caveats: list[str]
    precedence: str | None
    summary: str | None
    header: str | None
    body: str | None
    in_corpus: bool

    @classmethod
    def from_model(cls, node: m.Node) -> Cable:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            cable_id=node.id.partition(":")[2],
            date=optional_text(p, "date"),
            dtg=optional_text(p, "dtg"),
            subject=optional_text(p, "subject"),
            classification=optional_text(p, "classification"),
            precedence=optional_text(p, "precedence"),
            summary=optional_text(p, "summary"),
            header=optional_text(p, "header"),
            body=optional_text(p, "body"),
            caveats=texts(p, "caveats"),
            in_corpus=p.get("in_corpus") is not False,
        )

    @field(description="The post that sent this cable.")
    async def origin(self, info: GraphInfo) -> Post | None:
        page = await self.related(info, specs.CABLE_ORIGIN, (1, None), wrap)
        return next((node for node in page.nodes() if isinstance(node, Post)), None)

    @field(description="Cables and other documents this cable cites (REF: lines).")
    async def references(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Node]:
        return await self.related(info, specs.CITES_OUT, (first, after), wrap)

    @field(description="Cables citing this one.")
    async def cited_by(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.CITES_IN, (first, after), Cable.from_model)

    @field(description="Posts it was sent to (TO and INFO), with role, precedence.")
    async def recipients(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Post]:
        return await self.related(info, specs.SENT_TO_OUT, (first, after), Post.from_model)

    @field(description="Posts asked to act, with the action and deadline.")
    async def requests(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Post]:
        return await self.related(info, specs.REQUESTS_OUT, (first, after), Post.from_model)

    @field(description="TAGS of the cable.")
    async def tags(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[entities.Tag]:
        return await self.related(info, specs.TAGGED_OUT, (first, after), entities.Tag.from_model)

    @field(description="Countries, officials, organizations and assets mentioned.")
    async def mentions(
        self,
        info: GraphInfo,
        kinds: list[NodeKind] | None = None,
        first: int | None = FIRST,
        after: str | None = None,
    ) -> Relations[Node]:
        spec = specs.mentions_out(kinds)
        return await self.related(info, spec, (first, after), wrap)

    @field(description="The official named in `Classified By:`.")
    async def classified_by(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[entities.Official]:
        spec = specs.CLASSIFIED_BY_OUT
        return await self.related(info, spec, (first, after), entities.Official.from_model)

    @field(description="The officials who signed it.")
    async def signed_by(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[entities.Official]:
        return await self.related(
            info, specs.SIGNED_BY_OUT, (first, after), entities.Official.from_model
        )


@strawberry.type(description="A post (embassy, consulate, mission, the Department).")
class Post(Node):
    key: str | None
    name: str | None
    post_kind: str | None = strawberry.field(description="embassy, consulate, mission, ...")
    country_code: str | None

    @classmethod
    def from_model(cls, node: m.Node) -> Post:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            key=optional_text(p, "key"),
            name=optional_text(p, "name"),
            post_kind=optional_text(p, "kind"),
            country_code=optional_text(p, "country"),
        )

    @field(description="The country the post is located in.")
    async def country(self, info: GraphInfo) -> entities.Country | None:
        page = await self.related(info, specs.LOCATED_IN_OUT, (1, None), wrap)
        return next((node for node in page.nodes() if isinstance(node, entities.Country)), None)

    @field(description="Cables this post sent.")
    async def sent(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.SENT_OUT, (first, after), Cable.from_model)

    @field(description="Cables sent to this post (TO and INFO).")
    async def received(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.SENT_TO_IN, (first, after), Cable.from_model)

    @field(description="Cables asking this post to act.")
    async def requested(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.REQUESTS_IN, (first, after), Cable.from_model)


def wrap(node: m.Node) -> Node:
    """The GraphQL type of a domain node."""
    if node.kind == m.NodeKind.CABLE:
        return Cable.from_model(node)
    if node.kind == m.NodeKind.POST:
        return Post.from_model(node)
    return entities.ENTITY_TYPES[node.kind](node)


# The entity types refer back to Cable and Post: imported last, once those exist.
from api.schema import entities  # noqa: E402

__all__ = ["Cable", "Node", "Post", "wrap"]
