"""Body entities of the seed cable (issue 2, "done when") and of real corpus snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.entities import BodyEntities, extract_body_entities
from loaders.entities.assets import extract_assets
from loaders.entities.geo import extract_places
from loaders.entities.officials import extract_officials
from loaders.entities.organizations import extract_organizations
from loaders.entities.paragraphs import extract_paragraphs
from loaders.entities.summary import extract_summary
from loaders.record import Official, Recipient, Role
from tests.loaders.test_entities_corpus import body_of, squash

SEED_RECIPIENTS = (Recipient("USMISSION USNATO", "USNATO", None, "IMMEDIATE", None, Role.ACTION),)


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> BodyEntities:
    text = seed_path.read_text(encoding="utf-8")
    body = text[text.index("E.O. 12958") :]
    return extract_body_entities(
        body,
        cable_id="08STATE68633",
        date="2008-06-26",
        origin_key="STATE",
        recipients=SEED_RECIPIENTS,
    )


def test_seed_requests_go_to_nine_posts_with_the_june_25_deadline(seed: BodyEntities) -> None:
    keys = [request.post.key for request in seed.requests]
    assert keys == [
        "OTTAWA",
        "PARIS",
        "BERLIN",
        "ROME",
        "LONDON",
        "KABUL",
        "CANBERRA",
        "USNATO",
        "TOKYO",
    ]
    assert {request.deadline for request in seed.requests} == {"2008-06-25"}
    kabul = seed.requests[keys.index("KABUL")]
    assert kabul.action.startswith("Request Embassy convey points below to Afghan Foreign")
    assert "Secretary General (SYG)" in seed.requests[keys.index("USNATO")].action


def test_seed_officials_with_titles_and_affiliations(seed: BodyEntities) -> None:
    assert seed.officials == (
        Official("Koumura", "Foreign Minister", "Japan"),
        Official("Rassoul", "National Security Adviser", None),
        Official("Jason Hamm", "Country Director for Japan", "OSD"),
        Official("David Schlaefer", None, "State Political-Military Affairs for Japan"),
    )


def test_seed_assets_organizations_countries_places(seed: BodyEntities) -> None:
    assets = {asset.name: asset.kind for asset in seed.assets}
    assert assets["CH-47"] == "aircraft" and assets["C-130"] == "aircraft"
    assert assets["ISR"] == "capability" and assets["MEDEVAC"] == "capability"
    assert {"ISAF", "NATO", "G8"} <= set(seed.organizations)
    assert [country.code for country in seed.countries][:2] == ["JA", "AF"]
    assert {"Daykundi", "Nimruz", "Kyoto"} <= set(seed.places)


def test_seed_paragraphs_and_no_summary(seed: BodyEntities) -> None:
    assert [(p.number, p.marking) for p in seed.paragraphs] == [
        (1, "U"),
        (2, "C"),
        (3, "C"),
        (4, "U"),
    ]
    assert seed.paragraphs[0].text == "This is an Action Request, please see paragraph 3."
    assert "Background" not in seed.paragraphs[0].text
    assert seed.paragraphs[3].text.endswith("(202) 647-2914.")  # signature RICE cut off
    assert seed.summary is None


# (cable id, snippet as in the corpus, expected official)
OFFICIAL_CASES = [
    (
        "05BOGOTA7402",
        "He encouraged newly-appointed Minister of Defense Camilo Ospina to visit",
        Official("Camilo Ospina", "Minister of Defense", None),
    ),
    (
        "04SANAA2346",
        "weapons and \nMinister of Defense Alaiwa is under considerable pressure",
        Official("Alaiwa", "Minister of Defense", None),
    ),
    (
        "04AMMAN1288",
        "¶2. (S) Foreign Minister Marwan Muasher described the Iraq",
        Official("Marwan Muasher", "Foreign Minister", None),
    ),
    (
        "04BRASILIA2263",
        "his credentials to President Lula da Silva in a ceremony",
        Official("Lula da Silva", "President", None),
    ),
    (
        "07DUBAI355",
        "Senator Joseph Lieberman met with Sheikh \nMohammad bin Rashid Al Maktoum",
        Official("Joseph Lieberman", "Senator", None),
    ),
]


@pytest.mark.parametrize(("cable_id", "snippet", "expected"), OFFICIAL_CASES)
def test_officials_from_real_snippets(cable_id: str, snippet: str, expected: Official) -> None:
    assert squash(snippet) in squash(body_of(cable_id))
    assert extract_officials(snippet)[0] == expected


def test_mentions_of_one_person_are_merged() -> None:
    text = "Foreign Minister Koumura met us. Later, Minister Masahiko Koumura said no."
    assert extract_officials(text) == (Official("Masahiko Koumura", "Foreign Minister", None),)


ASSET_CASES = [
    (
        "08WARSAW1409",
        "we wanted the \nPatriot missiles and further security",
        [("Patriot", "weapon")],
    ),
    (
        "08OSLO522",
        "Public opinion has swung away from the F-35 due to negative",
        [("F-35", "aircraft")],
    ),
    (
        "08OSLO522",
        "the GON may decide to purchase the Saab Gripen or leave",
        [("Gripen", "aircraft")],
    ),
]


@pytest.mark.parametrize(("cable_id", "snippet", "expected"), ASSET_CASES)
def test_assets_from_real_snippets(
    cable_id: str, snippet: str, expected: list[tuple[str, str]]
) -> None:
    assert squash(snippet) in squash(body_of(cable_id))
    assert [(a.name, a.kind) for a in extract_assets(snippet)] == expected


@pytest.mark.parametrize(
    "text", ["the USA PATRIOT Act", "an H-1B visa and form I-20", "G-8 leaders", "room C-1"]
)
def test_things_that_are_not_assets(text: str) -> None:
    assert extract_assets(text) == ()


def test_organizations_and_places_from_real_snippets() -> None:
    snippet = "well-connected Henan Province Party Secretary Xu\nGuangchun wanted to"
    assert squash(snippet) in squash(body_of("07BEIJING1668"))
    assert extract_places(snippet) == ("Henan",)
    assert extract_organizations("NATO-led International Security Assistance Force (ISAF)") == (
        "NATO",
        "ISAF",
    )
    assert extract_organizations("WHO SAID THE NATO PLAN", all_caps=True) == ("NATO",)


# (cable id, where the paragraph starts, number, marking)
PARAGRAPH_CASES = [
    ("06CARACAS958", "¶1. (S//NF) Manifest in the public rhetoric", 1, "S//NF"),
    ("07DUBAI355", "1.(S) SUMMARY.  Senator Joseph Lieberman", 1, "S"),
    ("08ISLAMABAD405", "1, (C) Summary. During an hour and a half", 1, "C"),
]


@pytest.mark.parametrize(("cable_id", "start", "number", "marking"), PARAGRAPH_CASES)
def test_paragraph_numbers_and_marks(cable_id: str, start: str, number: int, marking: str) -> None:
    entities = extract_body_entities(
        body_of(cable_id), cable_id=cable_id, date=None, origin_key=None, recipients=()
    )
    first = next(p for p in entities.paragraphs if p.number is not None)
    assert (first.number, first.marking) == (number, marking)
    assert squash(start).split(") ", 1)[1][:20] in first.text


def test_summary_between_markers_and_under_a_heading() -> None:
    body = body_of("07DUBAI355")
    summary = extract_summary(body)
    assert summary is not None and summary.startswith("Senator Joseph Lieberman met")
    assert "End Summary" not in summary and "END SUMMARY" not in summary
    lapaz = extract_summary(body_of("07LAPAZ2400"))
    assert lapaz is not None and lapaz.startswith("Following")


def test_unnumbered_text_is_kept_as_paragraphs() -> None:
    paragraphs = extract_paragraphs("First block\nwrapped.\n\nSecond block.")
    assert [(p.number, p.text) for p in paragraphs] == [
        (None, "First block wrapped."),
        (None, "Second block."),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "",
        " \n\n ",
        "¶",
        "1.",
        "FOR :",
        "FOR OTTAWA:",
        "Summary:",
        "End Summary",
        "Mr.",
        "by June 31",
        "Please report by 13/45",
        "U.S.-",
        "CH-",
        "'s",
        "TAGS:\nREF:\n\n",
        "\x00\ufffd" * 50,
        "x" * 10_000,
    ],
)
def test_odd_bodies_never_raise(body: str) -> None:
    for date in (None, "2008-06-26", "2008-02-30", "June"):
        found = extract_body_entities(
            body, cable_id="08STATE1", date=date, origin_key=None, recipients=SEED_RECIPIENTS
        )
        assert isinstance(found, BodyEntities)
