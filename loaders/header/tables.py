"""Reference tables shipped in ``loaders/data``: read once, cached, never written.

>>> geo_countries()["JA"]
'Japan'
>>> "PREL" in subject_tags()
True
>>> station_aliases()["SECSTATE"]
'STATE'
>>> route_names()["RUEHKO"]
'AMEMBASSY TOKYO'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import TypeAlias

CodeTable: TypeAlias = Mapping[str, str]


def read_data_text(name: str) -> str:
    """The text of one data file of the ``loaders.data`` package."""
    return files("loaders.data").joinpath(name).read_text(encoding="utf-8")


def read_pairs(name: str) -> dict[str, str]:
    """A two-column CSV data file as a dict (first column upper-cased)."""
    rows = csv.reader(io.StringIO(read_data_text(name)))
    return {row[0].strip().upper(): row[1].strip() for row in rows if len(row) >= 2}


@cache
def geo_countries() -> CodeTable:
    """Geographic TAGS code (State Department, FIPS 10-4 style) → country name."""
    return read_pairs("geo-tags.csv")


@cache
def geo_aliases() -> CodeTable:
    """Geographic codes written in another scheme (ISO ``IQ``) → the State code (``IZ``)."""
    return read_pairs("geo-aliases.csv")


@cache
def geo_regions() -> CodeTable:
    """Regional geographic TAGS codes (``XF``) → region name; they are not countries."""
    return read_pairs("geo-regions.csv")


@cache
def title_words() -> frozenset[str]:
    """Upper-case words that belong to an official's title (``AMBASSADOR``, ``DCM``)."""
    lines = read_data_text("title-words.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def station_aliases() -> CodeTable:
    """Spelling variant of a station (spaces removed) → canonical station."""
    return read_pairs("station-aliases.csv")


@cache
def route_names() -> CodeTable:
    """Routing indicator (``RUEHKO``) → addressee name from the ACP 117 tables."""
    return read_pairs("route2name.csv")


@cache
def subject_tags() -> frozenset[str]:
    """Known subject TAGS codes."""
    return frozenset(read_data_text("subject-tags.txt").split())


@cache
def organization_tags() -> frozenset[str]:
    """Known organization TAGS codes."""
    return frozenset(read_data_text("organization-tags.txt").split())
