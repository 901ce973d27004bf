"""Classified-by lines, reasons, declassification dates and signers from the corpus."""

from __future__ import annotations

import pytest

from loaders.header.authority import (
    parse_classified_by,
    parse_declassify,
    parse_reasons,
    parse_signers,
)

CLASSIFIED_BY = [
    (
        "EAP Acting A/S Glyn Davies for Reason 1.4 (b) and (d)",
        ("Glyn Davies", "EAP Acting A/S"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Amb. Edward W. Gnehm for reasons 1.5 (b) (d)",
        ("Edward W. Gnehm", "Amb."),
        ("1.5(b)", "1.5(d)"),
    ),
    (
        "POLITICAL COUNSELOR KATHLEEN M. FITZPATRICK FOR REASONS 1.4 (B) and (D)",
        ("KATHLEEN M. FITZPATRICK", "POLITICAL COUNSELOR"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR REASONS 1.4 (B) AND (D).",
        ("ELIOT KANG", "ISN ACTING DAS"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "DCM Nancy McEldowney, reasons 1.4 (b), (d)",
        ("Nancy McEldowney", "DCM"),
        ("1.4(b)", "1.4(d)"),
    ),
    ("COM Carmen Martinez for Reasons 1.5 (B,D)", ("Carmen Martinez", "COM"), ("1.5(b)", "1.5(d)")),
    (
        "POLOFF BISOLA OJIKUTU FOR REASONS 1.4 B AND D",
        ("BISOLA OJIKUTU", "POLOFF"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Charge d'Affaires J. Robert Manzanares, reasons 1.4(b) and (d).",
        ("J. Robert Manzanares", "Charge d'Affaires"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Michael A. Via, Acting Principal Officer, Peshawar, Department of State. "
        "REASON: 1.4 (a), (b), (d) Summary",
        ("Michael A. Via", "Acting Principal Officer, Peshawar, Department of State"),
        ("1.4(a)", "1.4(b)", "1.4(d)"),
    ),
    (
        "S/CT DAS, Susan F. Burk, Reason: 1/4 (B), (D), (E), and (G)",
        ("Susan F. Burk", "S/CT DAS"),
        ("1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)"),
    ),
    (
        "Anne W. Patterson, for reasons 1.4 (b)(d)",
        ("Anne W. Patterson", None),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Ambassador Karl W. Eikenberry for Reasons 1:4 b'd",
        ("Karl W. Eikenberry", "Ambassador"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Political Minister Counselor Josiah Rosenblatt for reaso ns 1.4 (b) and (d).",
        ("Josiah Rosenblatt", "Political Minister Counselor"),
        ("1.4(b)", "1.4(d)"),
    ),
    (
        "Charge d’Affaires W. Scott Reid III. Reasons 1.4 (b), ( c), (d).",
        ("W. Scott Reid III", "Charge d’Affaires"),
        ("1.4(b)", "1.4(c)", "1.4(d)"),
    ),
    ("PolMinCouns Scott Bellard, reason 1.4 (d)", ("Scott Bellard", "PolMinCouns"), ("1.4(d)",)),
]


@pytest.mark.parametrize(("value", "official", "reasons"), CLASSIFIED_BY)
def test_classified_by(
    value: str, official: tuple[str, str | None], reasons: tuple[str, ...]
) -> None:
    found = parse_classified_by(value)
    assert found is not None
    assert (found.name, found.title) == official
    assert parse_reasons(value) == reasons


@pytest.mark.parametrize(
    ("decl", "expected"),
    [
        ("DECL: 06/19/2018", "2018-06-19"),
        (": DECL: 2020/02/09", "2020-02-09"),
        ("DECL: 11/29/10", "2010-11-29"),
        ("DECL:  3/7/2019", "2019-03-07"),
        ("DECL:OADR", None),
        ("N/A", None),
        ("DECL: TEN YEARS AFTER KOREAN UNIFICATION", None),
        ("DECL: 02/30/2018", None),
        (None, None),
    ],
)
def test_declassify_on(decl: str | None, expected: str | None) -> None:
    assert parse_declassify(decl) == expected


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("your Embassy in Tokyo.\n\nRICE\n", ("RICE",)),
        ("http://www.state.sgov.gov/p/nea/amman/ home page/\nGNEHM", ("GNEHM",)),
        ("cooperation.\nMANZANARES .", ("MANZANARES",)),
        ("text.\nStapleton", ("STAPLETON",)),
        ("minimize considered.\nEnd Text. AGUIRRE", ("AGUIRRE",)),
        ("¶8. (U) Minimize considered. SHANNON", ("SHANNON",)),
        ("text.\nSOBEL 2008-01-08", ("SOBEL",)),
        ("text.\nSMITH/JONES", ("SMITH", "JONES")),
        ("text\nRICE\nBT\n#8633\nNNNN", ("RICE",)),
        ("general lawlessness. End Comment", ()),
        ("of the country.", ()),
        ("", ()),
    ],
)
def test_signers(tail: str, expected: tuple[str, ...]) -> None:
    assert parse_signers(tail) == expected
