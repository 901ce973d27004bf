"""REF lines written a dozen ways, as found in the corpus (table-driven)."""

from __future__ import annotations

import pytest

from loaders.header.references import parse_references
from loaders.record import RefKind

CASES = [
    # (REF value as written, citing cable, expected (bullet, kind, id))
    (
        "A. TOKYO 1464 B. 06 TBILISI 2601",
        "08STATE68633",
        [("A", "cable", "08TOKYO1464"), ("B", "cable", "06TBILISI2601")],
    ),
    (
        "(A)STATE 071143, (B)STATE 073601, (C)STATE 72896, (D)BEIJING 5754",
        "08STATE50524",
        [  # STATE serials above the citing cable's own 50524: issued the year before
            ("A", "cable", "07STATE71143"),
            ("B", "cable", "07STATE73601"),
            ("C", "cable", "07STATE72896"),
            ("D", "cable", "08BEIJING5754"),
        ],
    ),
    (
        "SECSTATE 232089 & USUN 2336",
        "06PARIS7000",
        [(None, "cable", "06STATE232089"), (None, "cable", "06USUNNEWYORK2336")],
    ),
    ("A) PANAMA 00789/08", "09PANAMA1", [("A", "cable", "08PANAMA789")]),
    ("LAKHDHIR E-MAIL 12/01/09", "09ALGIERS1", [(None, "email", None)]),
    ("C. SECDEF DTG 031932Z JUN 08", "08STATE1", [("C", "message", None)]),
    (
        "BRASILIA 2799 AND 2764",
        "08BRASILIA3000",
        [(None, "cable", "08BRASILIA2799"), (None, "cable", "08BRASILIA2764")],
    ),
    (
        "A. A) 04 STATE 274965 ¶B. B) MADRID 156",
        "05MADRID900",
        [("A", "cable", "04STATE274965"), ("B", "cable", "05MADRID156")],
    ),
    (
        "STATE 297614 AND PREVIOUS 03 RANGOON 1427",
        "04RANGOON88",
        [(None, "cable", "04STATE297614"), (None, "cable", "03RANGOON1427")],
    ),
    (
        "A) BUCHAREST 0536 B) 2005 BUCHAREST 2550",
        "06BUCHAREST1000",
        [("A", "cable", "06BUCHAREST536"), ("B", "cable", "05BUCHAREST2550")],
    ),
    ("london 4212", "09LONDON5000", [(None, "cable", "09LONDON4212")]),
    # January cables citing December ones of their own post (real: 09BRASILIA28, 09SEOUL59)
    (
        "A. BRASILIA 1666 B. BRASILIA 12",
        "09BRASILIA28",
        [("A", "cable", "08BRASILIA1666"), ("B", "cable", "09BRASILIA12")],
    ),
    (
        "SEOUL 1681 AND 2461; 09 SEOUL 2000",
        "09SEOUL59",
        [
            (None, "cable", "08SEOUL1681"),
            (None, "cable", "08SEOUL2461"),
            (None, "cable", "09SEOUL2000"),
        ],
    ),
    ("BRASILIA 1412", "09BRASILIA1411", [(None, "cable", "09BRASILIA1412")]),
    # a year in parentheses after the serial (real: 09DOHA214)
    (
        "A. SECSTATE 15113 B. DOHA 152 (08) C. DOHA 75 (08) D. DOHA 311 (07)",
        "09DOHA214",
        [
            ("A", "cable", "09STATE15113"),
            ("B", "cable", "08DOHA152"),
            ("C", "cable", "08DOHA75"),
            ("D", "cable", "07DOHA311"),
        ],
    ),
    (
        "A. RIO DE JAN 123 B. HK 456",
        "07STATE1",
        [("A", "cable", "07RIODEJANEIRO123"), ("B", "cable", "07HONGKONG456")],
    ),
    (
        "A. 09RIYADH 1302 B. ASHGABAT687",
        "10RIYADH184",
        [("A", "cable", "09RIYADH1302"), ("B", "cable", "10ASHGABAT687")],
    ),
    (
        "A SECRETARY'S LETTER TO MBZ ON PUMA HELICOPTERS REF B SECSTATE 76108",
        "09ABUDHABI1",
        [("A", "memo", None), ("B", "cable", "09STATE76108")],
    ),
    (
        "A. TD-314/18176-06 B. IIR 6 902 9642 06",
        "06CARACAS958",
        [("A", "report", None), ("B", "report", None)],
    ),
    ("A. 7 FAM 180", "09STATE1", [("A", "other", None)]),
    ("A. MAY 1 GILLARD-TREMONT LETTER", "08LONDON1412", [("A", "memo", None)]),
    ("TELCON 5/12 SMITH-JONES", "08PARIS1", [(None, "telcon", None)]),
]


@pytest.mark.parametrize(("value", "citing", "expected"), CASES)
def test_reference_forms(
    value: str, citing: str, expected: list[tuple[str | None, str, str | None]]
) -> None:
    refs = parse_references(value, citing_id=citing, year=citing[:2])
    assert [(r.bullet, str(r.kind), r.id) for r in refs] == expected


def test_a_cable_never_cites_itself() -> None:
    refs = parse_references("A. STATE 68633 B. TOKYO 1464", citing_id="08STATE68633", year="08")
    assert [r.id for r in refs] == ["08TOKYO1464"]


def test_raw_text_is_kept() -> None:
    (ref,) = parse_references("C. SECDEF DTG 031932Z JUN 08", citing_id="08STATE1", year="08")
    assert ref.kind is RefKind.MESSAGE and ref.text == "SECDEF DTG 031932Z JUN 08"


@pytest.mark.parametrize("value", [None, "", "NONE", "   "])
def test_empty_or_none(value: str | None) -> None:
    refs = parse_references(value, citing_id="08STATE1", year="08")
    assert all(r.id is None for r in refs)
