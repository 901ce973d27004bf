"""Action requests and deadlines, table-driven over real snippets of the shared corpus."""

from __future__ import annotations

import pytest

from loaders.entities.deadlines import find_deadline
from loaders.entities.requests import extract_requests
from loaders.record import Recipient, Role
from tests.loaders.test_entities_corpus import body_of, squash


def action(key: str, name: str) -> Recipient:
    return Recipient(name, key, None, "IMMEDIATE", None, Role.ACTION)


def info(key: str, name: str) -> Recipient:
    return Recipient(name, key, None, "PRIORITY", None, Role.INFO)


# 09STATE131801: TO ABU DHABI, ISLAMABAD, KUWAIT, RIYADH; INFO DOHA (from its header).
GULF = (
    action("ABUDHABI", "AMEMBASSY ABU DHABI"),
    action("ISLAMABAD", "AMEMBASSY ISLAMABAD"),
    action("KUWAIT", "AMEMBASSY KUWAIT"),
    action("RIYADH", "AMEMBASSY RIYADH"),
    info("DOHA", "AMEMBASSY DOHA"),
)

# (cable id, cable date, origin, recipients, snippet, expected (post key, deadline) pairs)
CASES = [
    (
        "09STATE131801",
        "2009-12-30",
        "STATE",
        GULF,
        "Posts are requested to report back on responses from other governments by "
        "January 19, 2010. CLINTON",
        [
            ("ABUDHABI", "2010-01-19"),
            ("ISLAMABAD", "2010-01-19"),
            ("KUWAIT", "2010-01-19"),
            ("RIYADH", "2010-01-19"),
        ],
    ),
    (
        "08STATE79112",
        "2008-07-23",
        "STATE",
        (action("ASTANA", "AMEMBASSY ASTANA"),),
        "Embassy Astana is requested to express appreciation \nfor GOK,s proactively "
        "notifying us of the DPRK overflight \nrequest",
        [("ASTANA", None)],
    ),
    (
        "10USNATO52",
        "2010-02-03",
        "USNATO",
        (action("STATE", "SECSTATE WASHDC"),),
        "We request Washington guidance NLT Monday, February 8, on how to respond to Brandenburg.",
        [("STATE", "2010-02-08")],
    ),
    (
        "07STATE152317",
        "2007-11-02",
        "STATE",
        (action("BERLIN", "AMEMBASSY BERLIN"),),
        "¶10. (U) Please report delivery of cable and any immediate response by \n"
        "November 8, 2007. \n",
        [("BERLIN", "2007-11-08")],
    ),
    (
        "09STATE120288",
        "2009-11-21",
        "STATE",
        (action("TOKYO", "AMEMBASSY TOKYO"),),
        "¶3.  (C) FOR ALL POSTS (except Moscow, Paris, Beijing, \nLondon and Berlin):  Please "
        "draw on narrative beginning \nin paragraph 7",
        [("TOKYO", None)],
    ),
]


@pytest.mark.parametrize(("cable_id", "date", "origin", "recipients", "snippet", "expected"), CASES)
def test_requests_from_real_snippets(
    cable_id: str,
    date: str,
    origin: str,
    recipients: tuple[Recipient, ...],
    snippet: str,
    expected: list[tuple[str, str | None]],
) -> None:
    assert squash(snippet) in squash(body_of(cable_id))
    found = extract_requests(snippet, cable_date=date, origin_key=origin, recipients=recipients)
    assert [(r.post.key, r.deadline) for r in found] == expected
    assert all(r.action for r in found)


def test_posts_excepted_from_all_posts_are_not_asked() -> None:
    snippet = (
        "¶3.  (C) FOR ALL POSTS (except Moscow, Paris, Beijing, \nLondon and Berlin):  Please "
        "draw on narrative beginning \nin paragraph 7"
    )
    recipients = (action("PARIS", "AMEMBASSY PARIS"), action("TOKYO", "AMEMBASSY TOKYO"))
    found = extract_requests(
        snippet, cable_date="2009-11-21", origin_key="STATE", recipients=recipients
    )
    assert [r.post.key for r in found] == ["TOKYO"]


def test_info_addressees_and_the_sender_are_not_asked() -> None:
    found = extract_requests(
        "Posts are requested to report back.",
        cable_date=None,
        origin_key="STATE",
        recipients=(*GULF, action("STATE", "SECSTATE WASHDC")),
    )
    assert "DOHA" not in {r.post.key for r in found}
    assert "STATE" not in {r.post.key for r in found}


@pytest.mark.parametrize(
    "text",
    [
        "The GOJ requested that the U.S. consider the matter.",  # a report, not a request
        "FOR THE RECORD: nothing to do.",
        "Please see paragraph 3.",
        "FOR EUR/WE, ALSO FOR WHA - A/S SHANNON",
    ],
)
def test_text_that_asks_no_post(text: str) -> None:
    assert extract_requests(text, cable_date=None, origin_key="STATE", recipients=GULF) == ()


DEADLINES = [
    ("report reaction back to the Department by June 25.", "2008-06-26", "2008-06-25"),
    ("any immediate response by \nNovember 8, 2007.", "2007-11-02", "2007-11-08"),
    ("guidance NLT Monday, February 8, on how", "2010-02-03", "2010-02-08"),
    ("responses by January 19, 2010.", None, "2010-01-19"),
    ("please reply by 5 January", "2009-12-20", "2010-01-05"),
    ("please reply by COB Friday", "2008-06-26", "2008-06-27"),
    ("please reply before the end of the week", "2008-06-26", "the end of the week"),
    ("please reply by 2/30", "2008-01-10", "2/30"),
    ("as reported by the GOJ in March", "2008-06-26", None),
]


@pytest.mark.parametrize(("text", "cable_date", "expected"), DEADLINES)
def test_deadlines(text: str, cable_date: str | None, expected: str | None) -> None:
    assert find_deadline(text, cable_date) == expected
