"""Post keys for action requests: the station as written in cable ids.

``OTTAWA`` → OTTAWA, ``RIO DE JANEIRO`` → RIODEJANEIRO, ``USUN`` → USUNNEWYORK,
``HONG KONG`` → HONGKONG, ``AMEMBASSY TOKYO`` → TOKYO, ``SECSTATE`` → STATE.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, TypeAlias

from loaders.entities.gazetteer import STATION_CITIES

#: A canonical station key, as in cable ids: ``TOKYO``, ``USNATO``, ``RIODEJANEIRO``.
PostKey: TypeAlias = str

_PREFIXES: Final = re.compile(
    r"^(?:AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USDEL|EMBASSY|CONSULATE|MISSION|US MISSION)\s+"
)
_NOT_KEY: Final = re.compile(r"[^A-Z]")
ALIASES: Final = {
    "USUN": "USUNNEWYORK",
    "USUNNEWYORKNY": "USUNNEWYORK",
    "HK": "HONGKONG",
    "SECSTATE": "STATE",
    "SECSTATEWASHDC": "STATE",
    "DEPARTMENT": "STATE",
    "DEPT": "STATE",
    "WASHINGTON": "STATE",
    "USEU": "USEUBRUSSELS",
    "UNVIE": "UNVIEVIENNA",
    "USNATOBRUSSELS": "USNATO",
    "RIODEJAN": "RIODEJANEIRO",
    "RIO": "RIODEJANEIRO",
    "KIEV": "KYIV",
    "HOCHIMINH": "HOCHIMINHCITY",
    "HCMC": "HOCHIMINHCITY",
    "USOSCEVIENNA": "USOSCE",
    "GENEVA": "GENEVA",
    "USMISSIONGENEVA": "GENEVA",
}
SPECIAL_STATIONS: Final = frozenset(
    {"STATE", "USNATO", "USUNNEWYORK", "USEUBRUSSELS", "USOSCE", "UNVIEVIENNA", "UNROME"}
)
KNOWN_STATIONS: Final = SPECIAL_STATIONS | frozenset(
    _NOT_KEY.sub("", city) for city in STATION_CITIES
)


def station_key(name: str) -> PostKey:
    """The canonical station key of a post name as written.

    >>> [station_key(n) for n in ("Rio de Janeiro", "USUN", "AMEMBASSY TOKYO", "Hong Kong")]
    ['RIODEJANEIRO', 'USUNNEWYORK', 'TOKYO', 'HONGKONG']
    """
    upper = _PREFIXES.sub("", " ".join(name.upper().split()))
    key = _NOT_KEY.sub("", upper)
    return ALIASES.get(key, key)


def is_station(key: PostKey, extra: Iterable[PostKey] = ()) -> bool:
    """Is ``key`` a known station (or one of the cable's own addressees)?

    >>> is_station("OTTAWA"), is_station("THERECORD"), is_station("X", ["X"])
    (True, False, True)
    """
    return key in KNOWN_STATIONS or key in extra
