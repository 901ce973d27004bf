"""TAGS lines from the corpus: separators, case, person tags, geo codes (table-driven)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from loaders.header.tables import geo_countries, organization_tags, subject_tags
from loaders.header.tags import parse_tags
from loaders.record import TagKind

CASES = [
    (
        "PREL SMIL MARR MOPS NATO AF AS CA GM IT FR JA",
        [
            ("PREL", "subject", None),
            ("SMIL", "subject", None),
            ("MARR", "subject", None),
            ("MOPS", "subject", None),
            ("NATO", "organization", None),
            ("AF", "geo", "Afghanistan"),
            ("AS", "geo", "Australia"),
            ("CA", "geo", "Canada"),
            ("GM", "geo", "Germany"),
            ("IT", "geo", "Italy"),
            ("FR", "geo", "France"),
            ("JA", "geo", "Japan"),
        ],
    ),
    (
        "PREL, PGOV, PTER, IZ, KU, SY, JO ",
        [
            ("PREL", "subject", None),
            ("PGOV", "subject", None),
            ("PTER", "subject", None),
            ("IZ", "geo", "Iraq"),
            ("KU", "geo", "Kuwait"),
            ("SY", "geo", "Syria"),
            ("JO", "geo", "Jordan"),
        ],
    ),
    (
        "prel, pgov, pins, tu",
        [
            ("PREL", "subject", None),
            ("PGOV", "subject", None),
            ("PINS", "subject", None),
            ("TU", "geo", "Turkey"),
        ],
    ),
    (
        "OVIP (CLINTON, HILLARY), PREL, AS, PK,",
        [
            ("OVIP", "subject", None),
            ("CLINTON, HILLARY", "person", None),
            ("PREL", "subject", None),
            ("AS", "geo", "Australia"),
            ("PK", "geo", "Pakistan"),
        ],
    ),
    (
        "ECON PGOV PINR TU POLITICAL PARTIES",
        [
            ("ECON", "subject", None),
            ("PGOV", "subject", None),
            ("PINR", "subject", None),
            ("TU", "geo", "Turkey"),
            ("POLITICAL PARTIES", "subject", None),
        ],
    ),
    (
        "KJUS FR KJUS PREL KDEM",
        [
            ("KJUS", "program", None),
            ("FR", "geo", "France"),
            ("PREL", "subject", None),
            ("KDEM", "program", None),
        ],
    ),
    ("SF, XF, IQ", [("SF", "geo", "South Africa"), ("XF", "geo", None), ("IQ", "geo", "Iraq")]),
    ("UNSC, EUN", [("UNSC", "organization", None), ("EUN", "organization", None)]),
    (  # 09BEIJING2964: a person tag without parentheses or comma
        "OVIP STEINBERG JAMES PREL MNUC SN CH KN",
        [
            ("OVIP", "subject", None),
            ("STEINBERG JAMES", "person", None),
            ("PREL", "subject", None),
            ("MNUC", "subject", None),
            ("SN", "geo", "Singapore"),
            ("CH", "geo", "China"),
            ("KN", "geo", "North Korea"),
        ],
    ),
    (  # 09PARIS1267: two codes run together
        "ECON EINDETRD KIPR PREL FR",
        [
            ("ECON", "subject", None),
            ("EIND", "subject", None),
            ("ETRD", "subject", None),
            ("KIPR", "program", None),
            ("PREL", "subject", None),
            ("FR", "geo", "France"),
        ],
    ),
    ("PGOV COUNTER TERRORISM", [("PGOV", "subject", None), ("COUNTER TERRORISM", "subject", None)]),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_tags_lines(value: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(t.code, str(t.kind), t.country) for t in parse_tags(value)] == expected


def test_geo_table_is_fips_style_not_iso() -> None:
    table = geo_countries()
    assert table["JA"] == "Japan" and table["GM"] == "Germany"
    assert table["AS"] == "Australia" and table["SF"] == "South Africa"
    assert table["UK"] == "United Kingdom" and table["RS"] == "Russia"
    assert len(table) >= 230


def test_reference_lists_are_shipped_whole() -> None:
    shared = Path(__file__).resolve().parents[3] / "shared" / "reference-data"
    assert subject_tags() == frozenset((shared / "subject-tags.txt").read_text().split())
    assert organization_tags() == frozenset((shared / "organization-tags.txt").read_text().split())


def test_every_two_letter_tag_of_the_corpus_resolves(cablegate_dir: Path) -> None:
    from loaders.read import expand_paths, iter_path
    from loaders.record import Cable

    unresolved = set()
    for path in list(expand_paths([cablegate_dir]))[::5]:
        for cable in iter_path(path):
            assert isinstance(cable, Cable)
            for tag in cable.tags:
                if tag.kind is TagKind.GEO and tag.country is None and not tag.code.startswith("X"):
                    unresolved.add(tag.code)
    assert unresolved == set()


def test_geo_table_has_no_duplicate_codes() -> None:
    from importlib.resources import files

    rows = list(csv.reader(files("loaders.data").joinpath("geo-tags.csv").read_text().splitlines()))
    codes = [row[0] for row in rows]
    assert len(codes) == len(set(codes))
