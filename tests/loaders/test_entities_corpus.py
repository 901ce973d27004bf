"""Body entities over all 633 Cablegate pages: no errors, sane precision, bounded cost.

Also the helpers the other ``test_entities*`` modules use to read real cable bodies.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import cache
from pathlib import Path

from loaders.entities import BodyEntities, extract_body_entities
from loaders.entities.common_words import COMMON_WORDS
from loaders.entities.text import strip_header

CABLEGATE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "cablegate"
_PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = words(
    "January February March April May June July August September October November December"
)
NOT_PERSON = MONTHS | words(
    "The This Embassy Government Ministry Department Post Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday He She They We It Summary Comment"
)


def read_body(path: Path) -> str:
    """The body of a Cablegate page: its second ``<pre>`` block as plain text."""
    page = path.read_text(encoding="utf-8", errors="replace")
    blocks = _PRE.findall(page)
    raw = blocks[1] if len(blocks) > 1 else (blocks[0] if blocks else "")
    return html.unescape(_TAG.sub("", raw.replace("&#x000A;", "\n")))


@cache
def corpus_bodies() -> dict[str, str]:
    """Cable id → body for every page of the shared Cablegate corpus."""
    return {path.stem: read_body(path) for path in sorted(CABLEGATE.glob("*.html"))}


def body_of(cable_id: str) -> str:
    return corpus_bodies()[cable_id]


def squash(text: str) -> str:
    return " ".join(text.split())


@cache
def corpus_entities() -> dict[str, BodyEntities]:
    """Entities of every corpus page (date from the id's year, no addressees)."""
    return {
        cable_id: extract_body_entities(
            body,
            cable_id=cable_id,
            date=f"20{cable_id[:2]}-06-15",
            origin_key=None,
            recipients=(),
        )
        for cable_id, body in corpus_bodies().items()
        if cable_id[:2].isdigit()
    }


def test_the_corpus_is_all_there() -> None:
    assert len(corpus_bodies()) == 633
    assert sum(1 for body in corpus_bodies().values() if body.strip()) >= 630


def test_every_page_yields_paragraphs_and_most_a_summary() -> None:
    found = corpus_entities()
    with_text = [k for k, body in corpus_bodies().items() if len(strip_header(body)) > 100]
    assert len(with_text) >= 625
    assert all(found[cable_id].paragraphs for cable_id in with_text if cable_id in found)
    numbered = sum(1 for e in found.values() if any(p.number for p in e.paragraphs))
    with_summary = sum(1 for e in found.values() if e.summary)
    assert numbered >= 620, numbered
    assert with_summary >= 450, with_summary


def test_official_names_are_never_common_words_months_or_institutions() -> None:
    names = Counter(o.name for e in corpus_entities().values() for o in e.officials)
    bad = {name: n for name, n in names.items() if name in NOT_PERSON}
    bad.update({name: n for name, n in names.items() if name.lower() in COMMON_WORDS})
    assert not bad, bad
    assert sum(names.values()) >= 2500, sum(names.values())
    assert names["Obama"] >= 50 and names["Karzai"] >= 20, names.most_common(10)


def test_one_entry_per_person_per_cable() -> None:
    for cable_id, entities in corpus_entities().items():
        keys = [frozenset(o.name.upper().split()) for o in entities.officials]
        for i, key in enumerate(keys):
            assert not any(key <= other for other in keys[:i] + keys[i + 1 :]), cable_id


def test_countries_organizations_and_assets_are_plausible() -> None:
    found = corpus_entities().values()
    codes = Counter(c.code for e in found for c in e.countries)
    orgs = Counter(o for e in found for o in e.organizations)
    assets = Counter(a.name for e in found for a in e.assets)
    assert codes["US"] > 400 and codes["FR"] > 50 and codes["AF"] > 30, codes.most_common(8)
    assert {"NATO", "EU", "UN", "ISAF", "G8", "IAEA"} <= set(orgs)
    assert {"F-16", "UAV", "C-130", "ISR"} <= set(assets)
    assert not [name for name in assets if re.fullmatch(r"[A-Z]{1,2}-0\d*", name)]


def test_places_are_not_countries_months_or_titles() -> None:
    places = Counter(p for e in corpus_entities().values() for p in e.places)
    assert places["Washington"] > 100 and places["Kabul"] > 20
    assert not MONTHS & set(places)
    assert not {"Japan", "France", "Minister", "Embassy", "NATO"} & set(places)
