"""Station spellings and canonical cable ids (table-driven)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.header.stations import canonical_station, normalize_cable_id, station_of

STATIONS = [
    ("SECSTATE WASHDC", "STATE"),
    ("SECSTATE", "STATE"),
    ("Secretary of State", "STATE"),
    ("DEPT OF STATE WASHINGTON DC", "STATE"),
    ("USMISSION USNATO", "USNATO"),
    ("Mission USNATO", "USNATO"),
    ("US MISSION USNATO BRUSSELS BE", "USNATO"),
    ("USUN", "USUNNEWYORK"),
    ("USMISSION USUN NEW YORK", "USUNNEWYORK"),
    ("RIO DE JAN", "RIODEJANEIRO"),
    ("AMCONSUL RIO DE JANEIRO", "RIODEJANEIRO"),
    ("Consulate Rio De Janeiro", "RIODEJANEIRO"),
    ("HK", "HONGKONG"),
    ("AMCONSUL HONG KONG", "HONGKONG"),
    ("AMEMBASSY TEL AVIV", "TELAVIV"),
    ("Embassy Abu Dhabi", "ABUDHABI"),
    ("USMISSION UNVIE VIENNA", "UNVIEVIENNA"),
    ("UNVIE", "UNVIEVIENNA"),
    ("USEU Brussels", "USEUBRUSSELS"),
    ("Iran RPO Dubai", "RPODUBAI"),
    ("USINT HAVANA", "HAVANA"),
    ("US Interests Section Havana", "HAVANA"),
    ("NSC WASHDC", "NSC"),
    ("NATIONAL SECURITY COUNCIL WASHINGTON DC", "NSC"),
    ("AMEMBASSY THE HAGUE", "THEHAGUE"),
]


@pytest.mark.parametrize(("name", "key"), STATIONS)
def test_canonical_station(name: str, key: str) -> None:
    assert canonical_station(name) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08STATE68633", "08STATE68633"),
        ("08STATE068633", "08STATE68633"),
        ("08 SECSTATE 068633", "08STATE68633"),
        ("06USUN2336", "06USUNNEWYORK2336"),
        ("08RIODEJANEIRO12", "08RIODEJANEIRO12"),
        ("STATE68633", None),
        ("", None),
        ("<html>", None),
    ],
)
def test_normalize_cable_id(text: str, expected: str | None) -> None:
    assert normalize_cable_id(text) == expected


def test_station_of_every_corpus_file_name(cablegate_dir: Path) -> None:
    for path in cablegate_dir.glob("*.html"):
        assert normalize_cable_id(path.stem) == path.stem
        station = station_of(path.stem)
        assert station is not None and canonical_station(station) == station
