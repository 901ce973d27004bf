"""loaders.read: the seed cable, the whole Cablegate sample, and the format detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.read import LoadError, expand_paths, iter_path, parse_document
from loaders.record import Cable, RefKind, Role, TagKind


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Cable:
    (result,) = list(iter_path(seed_path))
    assert isinstance(result, Cable), result
    return result


@pytest.fixture(scope="module")
def cablegate(cablegate_dir: Path) -> list[Cable | LoadError]:
    return [r for p in expand_paths([cablegate_dir]) for r in iter_path(p)]


def test_seed_identity(seed: Cable) -> None:
    assert seed.id == "08STATE68633"
    assert seed.date == "2008-06-26"
    assert seed.dtg == "2008-06-26T13:10Z"
    assert seed.classification == "CONFIDENTIAL"
    assert seed.precedence == "IMMEDIATE"
    assert seed.subject == (
        "CORRECTED COPY: REQUEST TO ENGAGE JAPAN ON CONTRIBUTIONS TO AFGHANISTAN SECURITY"
    )
    assert seed.partial is False


def test_seed_routing(seed: Cable) -> None:
    assert seed.origin is not None
    assert (seed.origin.name, seed.origin.key) == ("SECSTATE WASHDC", "STATE")
    action = [r for r in seed.recipients if r.role is Role.ACTION]
    assert [(r.name, r.key, r.precedence) for r in action] == [
        ("USMISSION USNATO", "USNATO", "IMMEDIATE")
    ]


def test_seed_references(seed: Cable) -> None:
    cables = [(r.bullet, r.id) for r in seed.references if r.kind is RefKind.CABLE]
    assert cables == [
        ("A", "08TOKYO1464"),
        ("B", "08TOKYO1593"),
        ("D", "08TOKYO1623"),
        ("E", "08TOKYO1657"),
    ]
    (message,) = [r for r in seed.references if r.bullet == "C"]
    assert message.kind is RefKind.MESSAGE and message.id is None
    assert "SECDEF" in message.text


def test_seed_tags_and_countries(seed: Cable) -> None:
    assert len(seed.tags) == 12
    geo = [t.country for t in seed.tags if t.kind is TagKind.GEO]
    assert geo == ["Afghanistan", "Australia", "Canada", "Germany", "Italy", "France", "Japan"]
    assert {t.code: t.kind for t in seed.tags}["NATO"] is TagKind.ORGANIZATION
    assert {c.code for c in seed.countries} >= {"AF", "AS", "CA", "GM", "IT", "FR", "JA"}


def test_seed_authority(seed: Cable) -> None:
    assert seed.classified_by is not None
    assert (seed.classified_by.name, seed.classified_by.title) == ("Glyn Davies", "EAP Acting A/S")
    assert seed.classification_reasons == ("1.4(b)", "1.4(d)")
    assert seed.declassify_on == "2018-06-19"
    assert seed.signers == ("RICE",)


def test_seed_body_repaired(seed: Cable) -> None:
    assert "Japan's political" in seed.body
    assert "Japan,s" not in seed.body


def test_all_cablegate_pages_parse(cablegate: list[Cable | LoadError]) -> None:
    errors = [r for r in cablegate if isinstance(r, LoadError)]
    assert errors == []
    assert len(cablegate) == 633


def test_cablegate_ids_match_file_names(cablegate: list[Cable | LoadError]) -> None:
    for cable in cablegate:
        assert isinstance(cable, Cable)
        assert cable.source is not None
        assert Path(cable.source).stem == cable.id


def test_cablegate_core_fields_present(cablegate: list[Cable | LoadError]) -> None:
    cables = [c for c in cablegate if isinstance(c, Cable)]
    assert all(c.date and c.classification for c in cables)
    assert sum(bool(c.subject) for c in cables) >= 620
    assert sum(bool(c.tags) for c in cables) >= 620
    full = [c for c in cables if not c.partial]
    assert len(full) >= 550
    assert all(c.dtg and c.origin and c.recipients for c in full)


def test_partial_extracts_are_marked(cablegate_dir: Path) -> None:
    (cable,) = list(iter_path(cablegate_dir / "04AMMAN1288.html"))
    assert isinstance(cable, Cable)
    assert cable.partial is True
    assert cable.classification == "SECRET"
    assert cable.origin is not None and cable.origin.key == "AMMAN"
    assert [r.id for r in cable.references] == ["04KUWAIT539"]
    assert cable.signers == ("GNEHM",)


def test_no_cable_cites_itself(cablegate: list[Cable | LoadError]) -> None:
    for cable in cablegate:
        assert isinstance(cable, Cable)
        assert cable.id not in {r.id for r in cable.references}


def test_detects_format_by_content_not_extension(seed_path: Path) -> None:
    (result,) = parse_document(seed_path.read_bytes(), "renamed.html")
    assert isinstance(result, Cable) and result.id == "08STATE68633"


def test_seed_classified_by_official_is_among_officials(seed: Cable) -> None:
    names = [o.name for o in seed.officials]
    assert "Glyn Davies" in names or any(n.endswith("Davies") for n in names)
    assert len([n for n in names if n.endswith("Davies")]) == 1


def test_seed_body_entities_are_attached(seed: Cable) -> None:
    """The assembly wires the body extractors in (their own tests live beside them)."""
    assert {a.name for a in seed.assets} >= {"CH-47", "C-130"}
    assert {r.post.key for r in seed.requests} >= {"OTTAWA", "USNATO", "TOKYO"}
    assert len({c.code for c in seed.countries}) == len(seed.countries)
    assert seed.paragraphs and seed.paragraphs[0].number == 1
