"""The compiled REF reading (``references_c.references_ascii``) gives what its pure-Python
reference ``parse_references_python`` gives wherever it answers: on the REF value of
every corpus page (as the header parser gets it, and in lower case, and cited by cables
of its own stations), and on generated values of REF fragments and awkward characters;
and it answers for all the corpus and for most ASCII values (declining is the exception).
"""

from __future__ import annotations

import random
from functools import cache

import pytest

from loaders.header import references
from loaders.header.preamble import split_preamble
from loaders.header.references import (
    _REF_BULLET_RE,
    parse_references,
    parse_references_python,
)
from loaders.header.repair import repair_text
from loaders.readers.html import read_cablegate_page
from loaders.record import Reference
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "A.", "B.", "C.", "(A)", "(B)", "A)", "B)", "C)", "D.", "Z.", "a)", "b.", "A", "B", "REF",
    "REF B", "ref c", "TOKYO", "Tokyo", "1464", "1593", "06", "08", "2005", "1999", "20", "19",
    "SECSTATE", "STATE", "USUN", "RIO DE JAN", "HK", "LA PAZ", "SAO PAULO", "PANAMA", "00789",
    "/08", " / 08", "/2008", "(08)", " (07)", " (7)", "AND", "and", "&", ",", ";", ".", ":",
    "/", "'", "-", "_", "(", ")", "PREVIOUS", "E-MAIL", "EMAIL", "TELCON", "TELECON",
    "PHONE", "DTG", "031932Z", "1234567Z", "MSG", "MESSAGE", "REPORT", "IIR", "INTSUM", "TD",
    "TD-314/18176-06", "MEMO", "DIPNOTE", "NON-PAPER", "NONPAPER", "LETTER", "7 FAM 180",
    "FAH", "IMSWM", "JUN", "SEPTEMBER", "PARA", "NO", "O'BRIEN", "BRAZIL-", "X-", "NEW DELHI",
    "0", "00", "000000", "0000001", "1234567", "123456", "12", "5", "99999", "TOKYOX1",
    "ASHGABAT687", "09RIYADH", "A.TOKYO", "NOTAL", "311(08)", "5 (08)", "17/08", "17 /081",
    "TOKYO 12(07)", "TOKYO 12 (07)", "TOKYO 12/08", "DOHA 3 ( 07)", "TOKYO 1595", "TOKYO 1596",
    "SEOUL", "BRASILIA", "POINTS", "OSC",
    " ", " ", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0",
    "\u2028", "\u3000", "¶", "¶B.", "é", "ß", "ı", "ſ", "\u212a", "٣", "٠٨", "😀", "µ", "ÿ",
)  # fmt: skip
#: The pieces that are ASCII or ``¶`` (values of those are never declined but for the
#: ``... REF B ...`` form and a few citing ids).
PLAIN = tuple(p for p in PIECES if p.replace("¶", "").isascii())
SEPARATORS = ("", " ", " ", " ", "  ", ", ", "; ", " ¶", "\t")
CITING = (
    ("08STATE68633", "08"), ("09BRASILIA28", "09"), ("09SEOUL59", "09"), ("08TOKYO1500", "08"),
    ("08TOKYO1464", "08"), ("00STATE1", "00"), ("08X1", "08"), ("", ""), ("08TOKYO1500", "2008"),
    ("08TOKYO1500", "8"), ("08TOKYO1500", "07"), ("08tokyo1500", "08"), ("8TOKYO1", "8"),
    ("08TOKYO", "08"), ("08TOKYO1A", "08"), ("2008TOKYO1", "20"), ("٠٨TOKYO1", "٠٨"),
    ("08TOKYO" + "9" * 20, "08"), ("08TOKYO" + "0" * 14 + "1", "08"), ("08USUNNEWYORK1", "08"),
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not references.COMPILED, reason="references_c is not built")


@cache
def corpus_values() -> tuple[tuple[str | None, str], ...]:
    """(REF value, citing id) of every corpus page, as the header parser reads them."""
    found = []
    for path in sorted(CABLEGATE.glob("*.html")):
        raw = read_cablegate_page(path.read_bytes(), str(path))
        found.append((split_preamble(repair_text(raw.body)).ref, path.stem))
    return tuple(found)


def generated_values(seed: int, count: int, pieces: tuple[str, ...]) -> list[str]:
    """Values of random pieces between random separators."""
    rng = random.Random(seed)
    return [
        "".join(rng.choice(pieces) + rng.choice(SEPARATORS) for _ in range(rng.randint(0, 14)))
        for _ in range(count)
    ]


def compiled(value: str, citing_id: str, year: str) -> tuple[Reference, ...] | None:
    from loaders.header.references_c import references_ascii

    return references_ascii(value, citing_id, year)


def same(value: str, citing_id: str, year: str) -> bool:
    """The compiled answer equals the reference (or is None); returns whether it answered."""
    expected = parse_references_python(value, citing_id=citing_id, year=year)
    found = compiled(value, citing_id, year)
    assert found is None or found == expected, (value, citing_id, year)
    assert found is None or [type(r.kind) for r in found] == [type(r.kind) for r in expected]
    assert parse_references(value, citing_id=citing_id, year=year) == expected
    return found is not None


def test_the_compiled_references_are_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert references.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    values = corpus_values()
    assert len(values) == 633
    answered = 0
    for value, citing_id in values:
        if not value:
            continue
        ref_form = _REF_BULLET_RE.search(value.upper().replace("¶", " ").strip()) is not None
        for text in (value, value.lower()):
            assert same(text, citing_id, citing_id[:2]) is not ref_form, text
            answered += not ref_form
        # cited by a cable of the station of its first cable (the year-before rule)
        first = parse_references_python(value, citing_id=citing_id, year=citing_id[:2])
        for ref in first[:1]:
            if ref.id:
                station = ref.id[2:].rstrip("0123456789")
                for serial in ("1", "1500", "99999"):
                    same(value, citing_id[:2] + station + serial, citing_id[:2])
    assert answered == 2 * (361 - 1)  # all the values with a REF line but one, twice


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_values(seed: int) -> None:
    rng = random.Random(seed)
    for value in generated_values(seed, 2500, PIECES):
        same(value, *rng.choice(CITING))


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_declines_plain_values_only_in_the_ref_form(seed: int) -> None:
    rng = random.Random(seed)
    values = generated_values(100 + seed, 2500, PLAIN)
    declined = 0
    for value in values:
        ref_form = _REF_BULLET_RE.search(value.upper().replace("¶", " ").strip()) is not None
        assert same(value, *rng.choice(CITING[:7])) is not ref_form, value
        declined += ref_form
    assert declined < 0.1 * len(values)


@needs_compiled
@pytest.mark.parametrize(
    "value", ["A. " + "TOKYO 1 AND 22, " * 2000, "X" * 50000 + " 1", "1" * 50000, "¶", "\x85"]
)
def test_compiled_equals_python_on_long_and_odd_values(value: str) -> None:
    same(value, "08TOKYO1500", "08")


@needs_compiled
def test_the_compiled_tables_are_the_reference_tables() -> None:
    from loaders.header import references_c

    assert references_c.NOT_STATION == references._NOT_STATION
    assert references_c.SERIAL_SLACK == references._SERIAL_SLACK


@needs_compiled
def test_compiled_references_are_made_of_the_dataclass_fields() -> None:
    (ref,) = parse_references("TOKYO 1464", citing_id="08STATE1", year="08")
    assert type(ref) is Reference and repr(ref) == repr(Reference(None, ref.kind, ref.id, ref.text))
