"""The node types around cables: Country, Official, Organization, Asset, Tag, Reference."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import strawberry

from api.context import GraphInfo
from api.schema import specs
from api.schema.fields import field
from api.schema.nodes import FIRST, Cable, Node, Post, base_fields, texts, wrap
from api.schema.relations import Relations, optional_text
from graph import model as m


@strawberry.type(description="A country, by its State Department (FIPS 10-4 style) code.")
class Country(Node):
    code: str | None
    name: str | None

    @classmethod
    def from_model(cls, node: m.Node) -> Country:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            code=optional_text(p, "code"),
            name=optional_text(p, "name"),
        )

    @field(description="Cables mentioning this country.")
    async def cables(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.MENTIONED_IN, (first, after), Cable.from_model)

    @field(description="Posts located in this country.")
    async def posts(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Post]:
        return await self.related(info, specs.LOCATED_IN_IN, (first, after), Post.from_model)

    @field(description="TAGS codes denoting this country.")
    async def tags(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Tag]:
        return await self.related(info, specs.DENOTES_IN, (first, after), Tag.from_model)


@strawberry.type(description="A named official (name without titles).")
class Official(Node):
    key: str | None
    name: str | None
    titles: list[str]

    @classmethod
    def from_model(cls, node: m.Node) -> Official:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            key=optional_text(p, "key"),
            name=optional_text(p, "name"),
            titles=texts(p, "titles"),
        )

    @field(description="Cables mentioning, classified by or signed by this official.")
    async def cables(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        spec = specs.OFFICIAL_CABLES
        return await self.related(info, spec, (first, after), Cable.from_model)


@strawberry.type(description="An organization (NATO, ISAF, ...).")
class Organization(Node):
    code: str | None
    name: str | None

    @classmethod
    def from_model(cls, node: m.Node) -> Organization:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            code=optional_text(p, "code"),
            name=optional_text(p, "name"),
        )

    @field(description="Cables mentioning this organization.")
    async def cables(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.MENTIONED_IN, (first, after), Cable.from_model)


@strawberry.type(description="A military or civil asset (CH-47, C-130, ...).")
class Asset(Node):
    name: str | None
    asset_kind: str | None = strawberry.field(description="aircraft, vehicle, vessel, ...")

    @classmethod
    def from_model(cls, node: m.Node) -> Asset:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            name=optional_text(p, "name"),
            asset_kind=optional_text(p, "kind"),
        )

    @field(description="Cables mentioning this asset.")
    async def cables(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.MENTIONED_IN, (first, after), Cable.from_model)


@strawberry.type(description="A TAGS code (PREL, NATO, JA, ...).")
class Tag(Node):
    code: str | None
    tag_kind: str | None = strawberry.field(description="subject, program, geo, ...")

    @classmethod
    def from_model(cls, node: m.Node) -> Tag:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            code=optional_text(p, "code"),
            tag_kind=optional_text(p, "kind"),
        )

    @field(description="Cables tagged with this code.")
    async def cables(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.TAGGED_IN, (first, after), Cable.from_model)

    @field(description="The country or organization the tag stands for.")
    async def denotes(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Node]:
        return await self.related(info, specs.DENOTES_OUT, (first, after), wrap)


@strawberry.type(description="A cited document that is not a cable (a message, email, memo).")
class Reference(Node):
    key: str | None
    reference_kind: str | None = strawberry.field(description="message, email, telcon, ...")
    text: str | None

    @classmethod
    def from_model(cls, node: m.Node) -> Reference:
        p = node.props
        return cls(
            **base_fields(node),
            model=node,
            key=optional_text(p, "key"),
            reference_kind=optional_text(p, "kind"),
            text=optional_text(p, "text"),
        )

    @field(description="Cables citing this document.")
    async def cited_by(
        self, info: GraphInfo, first: int | None = FIRST, after: str | None = None
    ) -> Relations[Cable]:
        return await self.related(info, specs.CITES_IN, (first, after), Cable.from_model)


#: GraphQL type of each node kind besides Cable and Post.
ENTITY_TYPES: Mapping[m.NodeKind, Callable[[m.Node], Node]] = {
    m.NodeKind.COUNTRY: Country.from_model,
    m.NodeKind.OFFICIAL: Official.from_model,
    m.NodeKind.ORGANIZATION: Organization.from_model,
    m.NodeKind.ASSET: Asset.from_model,
    m.NodeKind.TAG: Tag.from_model,
    m.NodeKind.REFERENCE: Reference.from_model,
}
