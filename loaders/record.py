"""The ``Cable`` record: what every reader reduces a cable to.

Its JSON form (:func:`to_json_dict`) is the stable contract of ``cablegraph parse``,
documented in the README. Every key is always present (null or [] when absent).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    ACTION = "action"
    INFO = "info"


class RefKind(StrEnum):
    CABLE = "cable"
    EMAIL = "email"
    TELCON = "telcon"
    MESSAGE = "message"
    REPORT = "report"
    MEMO = "memo"
    OTHER = "other"


class TagKind(StrEnum):
    SUBJECT = "subject"
    PROGRAM = "program"
    ORGANIZATION = "organization"
    GEO = "geo"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class PostRef:
    """A post: ``key`` canonical (the station as in cable ids: ``STATE``, ``TOKYO``,
    ``USNATO``), ``name`` as written (``SECSTATE WASHDC``)."""

    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    key: str
    route: str | None
    precedence: str | None
    mcn: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class Reference:
    bullet: str | None
    kind: RefKind
    id: str | None  # canonical cable id when kind is cable
    text: str


@dataclass(frozen=True, slots=True)
class Tag:
    code: str
    kind: TagKind
    country: str | None  # country name for geo tags


@dataclass(frozen=True, slots=True)
class ClassifiedBy:
    name: str
    title: str | None


@dataclass(frozen=True, slots=True)
class Official:
    name: str
    title: str | None
    affiliation: str | None


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # State Department (FIPS 10-4 style) code, e.g. JA
    name: str


@dataclass(frozen=True, slots=True)
class Asset:
    name: str
    kind: str  # aircraft, vehicle, vessel, weapon, capability, ...


@dataclass(frozen=True, slots=True)
class Request:
    post: PostRef
    action: str
    deadline: str | None  # YYYY-MM-DD when it can be resolved, else as written


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int | None
    marking: str | None  # portion mark: U, SBU, C, S, C/NF, ...
    text: str


@dataclass(frozen=True, slots=True)
class Cable:
    id: str
    date: str | None  # YYYY-MM-DD
    dtg: str | None  # YYYY-MM-DDTHH:MMZ (UTC)
    classification: str | None  # UNCLASSIFIED, CONFIDENTIAL, SECRET (level word only)
    caveats: tuple[str, ...] = ()
    precedence: str | None = None
    subject: str | None = None
    summary: str | None = None
    origin: PostRef | None = None
    recipients: tuple[Recipient, ...] = ()
    references: tuple[Reference, ...] = ()
    tags: tuple[Tag, ...] = ()
    classified_by: ClassifiedBy | None = None
    classification_reasons: tuple[str, ...] = ()
    declassify_on: str | None = None
    signers: tuple[str, ...] = ()
    officials: tuple[Official, ...] = ()
    countries: tuple[Country, ...] = ()
    organizations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    assets: tuple[Asset, ...] = ()
    requests: tuple[Request, ...] = ()
    partial: bool = False
    header: str = ""
    body: str = ""
    paragraphs: tuple[Paragraph, ...] = field(default=())
    source: str | None = None  # where it was read from (path, path:row)


def to_json_dict(cable: Cable) -> dict[str, Any]:
    """The JSON contract of ``cablegraph parse``: tuples become lists, enums strings."""
    return asdict(cable)
