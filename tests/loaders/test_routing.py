"""Routing headers from the corpus: page breaks, glued banners, routes, MCNs (table-driven)."""

from __future__ import annotations

import pytest

from loaders.header.routing import clean_header_line, parse_routing

SEED = """O 261310Z JUN 08
FM SECSTATE WASHDC
TO PAGE 02        STATE   068633  261308Z
USMISSION USNATO IMMEDIATEC O N F I D E N T I A L STATE 068633"""

ANKARA = """VZCZCXYZ0015
PP RUEHWEB

DE RUEHAK #4688/01 2231453
ZNY CCCCC ZZH
P 111453Z AUG 06
FM AMEMBASSY ANKARA
TO RUEHC/SECSTATE WASHDC PRIORITY 7906
INFO RUEHBS/AMEMBASSY BRUSSELS PRIORITY 5386
RUEHIT/AMCONSUL ISTANBUL PRIORITY 1083
RHEHAAA/NSC WASHDC PRIORITY"""

BEIJING = """O P 131528Z MAY 08
FM SECSTATE WASHDC
TO AMEMBASSY BEIJING IMMEDIATE
INFO PAGE 02        STATE   050524  131535Z
AMEMBASSY BAGHDAD PRIORITY"""

HARARE = """291359Z Nov 00


                           CONFIDENTIAL     PTQ1859

PAGE 01        HARARE  06677  01 OF 03  291400Z
ACTION AF-00

INFO  LOG-00   NP-00    AID-00   ACQ-00   CEA-01   CIAE-00  COME-00
      USIE-00  PMB-00   DSCC-00  PRM-02   DRL-02   G-00     NFAT-00
                  ------------------A54E38  291401Z /38
FM AMEMBASSY HARARE
TO SECSTATE WASHDC IMMEDIATE 7738
INFO NSC WASHDC IMMEDIATE
SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"""

KYIV = """O 241544Z DEC 08
FM SECSTATE WASHDC
TO AMEMBASSY KYIV NIACT IMMEDIATE 7881-7884"""

CASES = [
    (
        SEED,
        ("IMMEDIATE", "2008-06-26T13:10Z", "SECSTATE WASHDC"),
        [("USMISSION USNATO", None, "IMMEDIATE", None, "action")],
    ),
    (
        ANKARA,
        ("PRIORITY", "2006-08-11T14:53Z", "AMEMBASSY ANKARA"),
        [
            ("SECSTATE WASHDC", "RUEHC", "PRIORITY", "7906", "action"),
            ("AMEMBASSY BRUSSELS", "RUEHBS", "PRIORITY", "5386", "info"),
            ("AMCONSUL ISTANBUL", "RUEHIT", "PRIORITY", "1083", "info"),
            ("NSC WASHDC", "RHEHAAA", "PRIORITY", None, "info"),
        ],
    ),
    (
        BEIJING,
        ("IMMEDIATE", "2008-05-13T15:28Z", "SECSTATE WASHDC"),
        [
            ("AMEMBASSY BEIJING", None, "IMMEDIATE", None, "action"),
            ("AMEMBASSY BAGHDAD", None, "PRIORITY", None, "info"),
        ],
    ),
    (
        HARARE,
        ("IMMEDIATE", "2000-11-29T13:59Z", "AMEMBASSY HARARE"),
        [
            ("SECSTATE WASHDC", None, "IMMEDIATE", "7738", "action"),
            ("NSC WASHDC", None, "IMMEDIATE", None, "info"),
            ("SOUTHERN AFRICAN DEVELOPMENT COMMUNITY", None, None, None, "info"),
        ],
    ),
    (
        KYIV,
        ("IMMEDIATE", "2008-12-24T15:44Z", "SECSTATE WASHDC"),
        [("AMEMBASSY KYIV", None, "NIACT IMMEDIATE", "7881-7884", "action")],
    ),
]


@pytest.mark.parametrize(("header", "head", "addressees"), CASES)
def test_routing_headers(
    header: str,
    head: tuple[str, str, str],
    addressees: list[tuple[str, str | None, str | None, str | None, str]],
) -> None:
    routing = parse_routing(header)
    assert (routing.precedence, routing.dtg, routing.origin) == head
    got = [(a.name, a.route, a.precedence, a.mcn, str(a.role)) for a in routing.addressees]
    assert got == addressees


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TO PAGE 02        STATE   068633  261308Z ", "TO"),
        ("PAGE 01        HARARE  06677  01 OF 03  291400Z", ""),
        (
            "USMISSION USNATO IMMEDIATEC O N F I D E N T I A L STATE 068633",
            "USMISSION USNATO IMMEDIATE",
        ),
        ("AMEMBASSY PARIS S E C R E T SECTION 01 OF 02 STATE 1", "AMEMBASSY PARIS"),
        ("AMEMBASSY PARIS PRIORITY 5290", "AMEMBASSY PARIS PRIORITY 5290"),
    ],
)
def test_clean_header_line(line: str, expected: str) -> None:
    assert clean_header_line(line) == expected


def test_partial_extract_header_keeps_its_dtg() -> None:
    routing = parse_routing("\n\n201247Z Jan 04")
    assert routing.dtg == "2004-01-20T12:47Z"
    assert routing.origin is None and routing.addressees == ()


def test_internal_distribution_lines_are_not_addressees() -> None:
    routing = parse_routing(HARARE)
    assert all("LOG-00" not in a.name and "AF-00" not in a.name for a in routing.addressees)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "P 231326Z JAN 09\nFM AMEMBASSY LA PAZ\nTO RUEHC/SECSTATE WASHDC PRIORITY 9793\n"
            "INFO RUEHAC/AMEMBASSY ASUNCION 8742",
            [("action", "PRIORITY"), ("info", "PRIORITY")],
        ),
        (
            "O P 131528Z MAY 08\nFM SECSTATE WASHDC\nTO AMEMBASSY BEIJING\nINFO AMEMBASSY BAGHDAD",
            [("action", "IMMEDIATE"), ("info", "PRIORITY")],
        ),
        (
            "R 161417Z APR 09\nFM SECSTATE WASHDC\nTO AMEMBASSY BAMAKO\nAMEMBASSY DAKAR IMMEDIATE",
            [("action", "ROUTINE"), ("action", "IMMEDIATE")],
        ),
    ],
)
def test_missing_precedence_comes_from_the_precedence_line(
    header: str, expected: list[tuple[str, str]]
) -> None:
    routing = parse_routing(header)
    assert [(str(a.role), a.precedence) for a in routing.addressees] == expected
