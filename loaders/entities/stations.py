"""Post keys for action requests: the station as written in cable ids.

``OTTAWA`` → OTTAWA, ``RIO DE JANEIRO`` → RIODEJANEIRO, ``USUN`` → USUNNEWYORK,
``HONG KONG`` → HONGKONG, ``AMEMBASSY TOKYO`` → TOKYO, ``SECSTATE`` → STATE.
Spelling is canonicalised by the header parser's :func:`canonical_station` (so request
keys agree with addressee keys); this module adds the words a request uses for the
Department (``DEPARTMENT``, ``WASHINGTON``) and the list of known stations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, TypeAlias

from loaders.entities.gazetteer import STATION_CITIES
from loaders.header.stations import canonical_station

#: A canonical station key, as in cable ids: ``TOKYO``, ``USNATO``, ``RIODEJANEIRO``.
PostKey: TypeAlias = str

_NOT_KEY: Final = re.compile(r"[^A-Z]")
#: Words a request uses for a post that the header parser has no alias for.
ALIASES: Final = {
    "DEPARTMENT": "STATE",
    "DEPT": "STATE",
    "WASHINGTON": "STATE",
    "HOCHIMINH": "HOCHIMINHCITY",
    "HCMC": "HOCHIMINHCITY",
}
SPECIAL_STATIONS: Final = frozenset(
    {"STATE", "USNATO", "USUNNEWYORK", "USEUBRUSSELS", "USOSCE", "UNVIEVIENNA", "UNROME", "KIEV"}
)
KNOWN_STATIONS: Final = SPECIAL_STATIONS | frozenset(
    _NOT_KEY.sub("", city) for city in STATION_CITIES
)


def station_key(name: str) -> PostKey:
    """The canonical station key of a post name as written.

    >>> [station_key(n) for n in ("Rio de Janeiro", "USUN", "AMEMBASSY TOKYO", "Hong Kong")]
    ['RIODEJANEIRO', 'USUNNEWYORK', 'TOKYO', 'HONGKONG']
    >>> station_key("DEPARTMENT"), station_key("Embassy Astana")
    ('STATE', 'ASTANA')
    """
    key = canonical_station(name)
    return ALIASES.get(key, key)


def is_station(key: PostKey, extra: Iterable[PostKey] = ()) -> bool:
    """Is ``key`` a known station (or one of the cable's own addressees)?

    >>> is_station("OTTAWA"), is_station("THERECORD"), is_station("X", ["X"])
    (True, False, True)
    """
    return key in KNOWN_STATIONS or key in extra
