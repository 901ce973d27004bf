"""Posts in the graph: their host country and their kind, from the post key and name,
and their nodes as flat tuples (made once per process for each post and levels).

The table is deliberately small and explicit: the capitals and consulates of the posts
seen in Cablegate, keyed by canonical station (as in cable ids), with the country's
State Department (FIPS 10-4 style) code and name. A post missing here simply gets no
LOCATED_IN edge.

>>> POST_COUNTRIES["TOKYO"]
('JA', 'Japan')
>>> "USNATO" in POST_COUNTRIES
False
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final, TypeAlias

from graph.model import EdgeKind, FlatEdge, FlatNode, NodeKind, PropValue
from loaders.record import PostRef
from loaders.to_graph_build import NodeCore, at_levels, entity_core, node_id

#: A post's node, and its country's node and LOCATED_IN edge when the country is known.
PostNodes: TypeAlias = tuple[FlatNode, FlatNode | None, FlatEdge | None]

_LOCATED_IN: Final = EdgeKind.LOCATED_IN.value

#: Host country of posts: ``CODE|Country|POST POST ...`` (FIPS 10-4 style codes, as in
#: TAGS). Missions to organisations (USNATO, USUNNEWYORK, USEUBRUSSELS, UNVIEVIENNA)
#: are left out on purpose: they are not located in their host country's sense.
_POST_ROWS: Final = """
US|United States|STATE
AF|Afghanistan|KABUL
AG|Algeria|ALGIERS
AR|Argentina|BUENOSAIRES
AM|Armenia|YEREVAN
AS|Australia|CANBERRA SYDNEY MELBOURNE PERTH
AU|Austria|VIENNA
AJ|Azerbaijan|BAKU
BA|Bahrain|MANAMA
BG|Bangladesh|DHAKA
BE|Belgium|BRUSSELS
BL|Bolivia|LAPAZ
BK|Bosnia and Herzegovina|SARAJEVO
BR|Brazil|BRASILIA RIODEJANEIRO SAOPAULO RECIFE
BU|Bulgaria|SOFIA
BM|Burma|RANGOON
CA|Canada|OTTAWA TORONTO MONTREAL VANCOUVER CALGARY HALIFAX QUEBEC
CI|Chile|SANTIAGO
CH|China|BEIJING SHANGHAI SHENYANG GUANGZHOU CHENGDU
CO|Colombia|BOGOTA
HR|Croatia|ZAGREB
CU|Cuba|HAVANA
EZ|Czech Republic|PRAGUE
DA|Denmark|COPENHAGEN
DJ|Djibouti|DJIBOUTI
EC|Ecuador|QUITO GUAYAQUIL
EG|Egypt|CAIRO
ES|El Salvador|SANSALVADOR
EN|Estonia|TALLINN
ET|Ethiopia|ADDISABABA
FI|Finland|HELSINKI
FR|France|PARIS MARSEILLE STRASBOURG
GG|Georgia|TBILISI
GM|Germany|BERLIN MUNICH HAMBURG FRANKFURT DUSSELDORF LEIPZIG
GH|Ghana|ACCRA
GR|Greece|ATHENS
GT|Guatemala|GUATEMALA
HA|Haiti|PORTAUPRINCE
HO|Honduras|TEGUCIGALPA
HK|Hong Kong|HONGKONG
HU|Hungary|BUDAPEST
IC|Iceland|REYKJAVIK
IN|India|NEWDELHI MUMBAI CHENNAI KOLKATA
ID|Indonesia|JAKARTA SURABAYA
IR|Iran|TEHRAN
IZ|Iraq|BAGHDAD BASRAH KIRKUK
EI|Ireland|DUBLIN
IS|Israel|TELAVIV
IT|Italy|ROME MILAN NAPLES FLORENCE
IV|Cote d'Ivoire|ABIDJAN
JA|Japan|TOKYO OSAKAKOBE NAHA SAPPORO FUKUOKA NAGOYA
JO|Jordan|AMMAN
KZ|Kazakhstan|ASTANA ALMATY
KE|Kenya|NAIROBI
KV|Kosovo|PRISTINA
KU|Kuwait|KUWAIT
KG|Kyrgyzstan|BISHKEK
LG|Latvia|RIGA
LE|Lebanon|BEIRUT
LY|Libya|TRIPOLI
LH|Lithuania|VILNIUS
LU|Luxembourg|LUXEMBOURG
MK|Macedonia|SKOPJE
MY|Malaysia|KUALALUMPUR
ML|Mali|BAMAKO
MX|Mexico|MEXICO MONTERREY GUADALAJARA TIJUANA CIUDADJUAREZ
MO|Morocco|RABAT CASABLANCA
MZ|Mozambique|MAPUTO
NL|Netherlands|THEHAGUE AMSTERDAM
NZ|New Zealand|WELLINGTON
NU|Nicaragua|MANAGUA
NI|Nigeria|ABUJA LAGOS
KN|North Korea|PYONGYANG
NO|Norway|OSLO
MU|Oman|MUSCAT
PK|Pakistan|ISLAMABAD PESHAWAR LAHORE KARACHI
PM|Panama|PANAMA
PA|Paraguay|ASUNCION
PE|Peru|LIMA
RP|Philippines|MANILA
PL|Poland|WARSAW KRAKOW
PO|Portugal|LISBON
QA|Qatar|DOHA
RO|Romania|BUCHAREST
RS|Russia|MOSCOW VLADIVOSTOK YEKATERINBURG STPETERSBURG
SA|Saudi Arabia|RIYADH JEDDAH DHAHRAN
SG|Senegal|DAKAR
RI|Serbia|BELGRADE
SN|Singapore|SINGAPORE
LO|Slovakia|BRATISLAVA
SI|Slovenia|LJUBLJANA
SF|South Africa|PRETORIA CAPETOWN JOHANNESBURG DURBAN
KS|South Korea|SEOUL BUSAN
SP|Spain|MADRID BARCELONA
CE|Sri Lanka|COLOMBO
SU|Sudan|KHARTOUM
SW|Sweden|STOCKHOLM
SZ|Switzerland|BERN GENEVA
SY|Syria|DAMASCUS
TW|Taiwan|TAIPEI
TI|Tajikistan|DUSHANBE
TZ|Tanzania|DARESSALAAM
TH|Thailand|BANGKOK CHIANGMAI
TS|Tunisia|TUNIS
TU|Turkey|ANKARA ISTANBUL ADANA
TX|Turkmenistan|ASHGABAT
UG|Uganda|KAMPALA
UP|Ukraine|KYIV KIEV
AE|United Arab Emirates|ABUDHABI DUBAI RPODUBAI
UK|United Kingdom|LONDON BELFAST EDINBURGH
UY|Uruguay|MONTEVIDEO
UZ|Uzbekistan|TASHKENT
VE|Venezuela|CARACAS
VM|Vietnam|HANOI HOCHIMINHCITY
YM|Yemen|SANAA
ZI|Zimbabwe|HARARE
"""


def parse_post_rows(rows: str) -> dict[str, tuple[str, str]]:
    """Post key -> (country code, country name) from ``CODE|Name|POSTS`` lines.

    >>> parse_post_rows("JA|Japan|TOKYO NAHA")["NAHA"]
    ('JA', 'Japan')
    """
    table: dict[str, tuple[str, str]] = {}
    for line in rows.strip().splitlines():
        code, name, posts = line.split("|")
        table.update((post, (code, name)) for post in posts.split())
    return table


#: Post key -> (country code, country name).
POST_COUNTRIES: Final[Mapping[str, tuple[str, str]]] = parse_post_rows(_POST_ROWS)

_POST_KINDS: Final = (
    ("AMCONSUL", "consulate"),
    ("AMCONGEN", "consulate"),
    ("CONSULATE", "consulate"),
    ("USMISSION", "mission"),
    ("USUN", "mission"),
    ("USNATO", "mission"),
    ("USEU", "mission"),
    ("AMEMBASSY", "embassy"),
    ("EMBASSY", "embassy"),
    ("SECSTATE", "department"),
    ("SECRETARY OF STATE", "department"),
)


def post_kind(post: PostRef) -> str:
    """What kind of post a name says it is (``embassy``, ``consulate``, ``mission``,
    ``department``), else ``other``.

    >>> post_kind(PostRef("TOKYO", "AMEMBASSY TOKYO")), post_kind(PostRef("STATE", "STATE"))
    ('embassy', 'department')
    """
    return kind_of_post(post.key, post.name)


def kind_of_post(key: str, name: str) -> str:
    """:func:`post_kind` of a post key and name as written.

    >>> kind_of_post("USNATO", "USMISSION USNATO"), kind_of_post("X", "X")
    ('mission', 'other')
    """
    upper = name.upper()
    for prefix, kind in _POST_KINDS:
        if upper.startswith(prefix):
            return kind
    return "department" if key == "STATE" else "other"


@functools.lru_cache(maxsize=1 << 16)
def country_node(code: str, name: str, level: int, level_rel: int) -> FlatNode | None:
    """The Country node of ``code`` at these levels; None when ``code`` has no id part.
    Made once per process: the tuple and its props are shared, never to be changed.

    >>> country_node("JA", "Japan", 1, 1)
    ('country:JA', 'Country', 'Japan', {'code': 'JA', 'name': 'Japan'}, 1, 1)
    >>> country_node("--", "Nowhere", 0, 0) is None
    True
    """
    return at_levels(_country(code, name), level, level_rel)


@functools.lru_cache(maxsize=1 << 16)
def _country(code: str, name: str) -> NodeCore | None:
    return entity_core(NodeKind.COUNTRY, code, name, {"code": code, "name": name})


@functools.lru_cache(maxsize=1 << 14)
def post_nodes(key: str, name: str, level: int, level_rel: int) -> PostNodes | None:
    """The post's node at these levels, with its country (:data:`POST_COUNTRIES`) and
    LOCATED_IN; None when ``key`` has no id part. Made once per process (shared tuples;
    the edge is the same at every level).

    >>> post, country, located = post_nodes("TOKYO", "AMEMBASSY TOKYO", 0, 0)
    >>> post
    ('post:TOKYO', 'Post', 'TOKYO', {'key': 'TOKYO', 'name': 'AMEMBASSY TOKYO', \
'kind': 'embassy', 'country': 'JA'}, 0, 0)
    >>> country[0], located, post_nodes("TOKYO", "AMEMBASSY TOKYO", 1, 1)[2] is located
    ('country:JA', ('post:TOKYO', 'LOCATED_IN', 'country:JA', {}), True)
    >>> post_nodes("USNATO", "USMISSION USNATO", 0, 0)[1:], post_nodes(" ", "X", 0, 0)
    ((None, None), None)
    """
    made = _post(key, name)
    if made is None:
        return None
    core, country, located = made
    post: FlatNode = (*core, level, level_rel)
    if country is None:
        return post, None, None
    return post, country_node(*country, level, level_rel), located


@functools.lru_cache(maxsize=1 << 14)
def _post(key: str, name: str) -> tuple[NodeCore, tuple[str, str] | None, FlatEdge | None] | None:
    country = POST_COUNTRIES.get(key)
    props: dict[str, PropValue] = {
        "key": key,
        "name": name,
        "kind": kind_of_post(key, name),
        "country": country[0] if country else None,
    }
    post = entity_core(NodeKind.POST, key, key, props)
    if post is None:
        return None
    if not country:
        return post, None, None
    return post, country, (post[0], _LOCATED_IN, node_id(NodeKind.COUNTRY, country[0]), {})
