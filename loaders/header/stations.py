"""Canonical stations (post keys) and canonical cable ids.

A station is written many ways (``SECSTATE WASHDC``, ``Secretary of State``,
``AMEMBASSY TEL AVIV``, ``RIO DE JAN``); its canonical form is the one used inside
cable ids (``STATE``, ``TELAVIV``, ``RIODEJANEIRO``).

>>> canonical_station("SECSTATE WASHDC")
'STATE'
>>> canonical_station("USMISSION USNATO")
'USNATO'
>>> canonical_station("Embassy Tel Aviv")
'TELAVIV'
>>> canonical_station("RIO DE JAN")
'RIODEJANEIRO'
>>> canonical_station("HK")
'HONGKONG'
>>> canonical_station("USUN")
'USUNNEWYORK'
>>> canonical_cable_id("08", "SECSTATE", "068633")
'08STATE68633'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeAlias

from loaders.header.tables import station_aliases

StationKey: TypeAlias = str
CableId: TypeAlias = str

_PREFIXES = (
    "AMEMBASSY",
    "AMEMB",
    "AMCONSUL",
    "AMCONGEN",
    "USMISSION",
    "US MISSION",
    "USOFFICE",
    "US OFFICE",
    "AMERICAN EMBASSY",
    "EMBASSY",
    "CONSULATE",
    "MISSION",
    "US INTERESTS SECTION",
)
_PREFIX_RE = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _PREFIXES) + r")\s+")
_WASHDC_RE = re.compile(r"\s+(?:WASHDC|WASHINGTON\s*DC|WASHINGTON)$")
_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_CABLE_ID_RE = re.compile(r"^(\d{2})([A-Z]+?)0*(\d+)$")


@lru_cache(maxsize=4096)
def canonical_station(name: str) -> StationKey:
    """The canonical station key of a station or post name as written.

    >>> canonical_station("AMCONSUL HONG KONG")
    'HONGKONG'
    >>> canonical_station("NSC WASHDC")
    'NSC'
    >>> canonical_station("Iran RPO Dubai")
    'RPODUBAI'
    >>> canonical_station("USDAO LONDON UK//AIROPS//")
    'USDAOLONDONUK'
    """
    upper = " ".join(name.upper().split("//", 1)[0].split())
    aliases = station_aliases()
    whole = _NON_ALNUM.sub("", upper)
    if whole in aliases:
        return aliases[whole]
    stripped = _PREFIX_RE.sub("", upper)
    stripped = _WASHDC_RE.sub("", stripped)
    key = _NON_ALNUM.sub("", stripped)
    return aliases.get(key, key)


def canonical_cable_id(year: str, station: str, serial: str) -> CableId:
    """A canonical cable id: two-digit year, canonical station, serial without zeros.

    >>> canonical_cable_id("2006", "TBILISI", "02601")
    '06TBILISI2601'
    >>> canonical_cable_id("08", "RIO DE JAN", "12")
    '08RIODEJANEIRO12'
    """
    return f"{year[-2:]}{canonical_station(station)}{int(serial)}"


def normalize_cable_id(text: str) -> CableId | None:
    """A cable id as written (``08STATE068633``, ``08 SECSTATE 68633``) made canonical;
    None when it is not a cable id.

    >>> normalize_cable_id("08SECSTATE068633")
    '08STATE68633'
    >>> normalize_cable_id("not an id") is None
    True
    """
    compact = _NON_ALNUM.sub("", text.upper())
    match = _CABLE_ID_RE.match(compact)
    if match is None:
        return None
    return canonical_cable_id(match[1], match[2], match[3])


def station_of(cable_id: CableId) -> StationKey | None:
    """The station part of a canonical cable id.

    >>> station_of("08STATE68633")
    'STATE'
    """
    match = _CABLE_ID_RE.match(cable_id)
    return match[2] if match else None
