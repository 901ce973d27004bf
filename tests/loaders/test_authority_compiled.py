"""The compiled authority readers (``authority_c``, ``reasons_c``, ``signers_c``) give what
their pure-Python references give, or decline (``Declined``) and leave the text to them:
on every corpus page (its classified-by value, DECL value and body, and each line near
the end of the body read as all three) and on generated text of the fields' fragments and
of the characters where Python's and C's readings part (Unicode whitespace, digits and
case, line breaks, the windows the signature is looked for in)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from loaders.header import authority
from loaders.header.authority import (
    parse_classified_by,
    parse_classified_by_python,
    parse_declassify,
    parse_reasons,
    parse_reasons_python,
    parse_signers,
    parse_signers_python,
)
from loaders.header.dtg import parse_us_date
from loaders.header.preamble import split_preamble
from loaders.header.repair import repair_text
from tests.loaders.compiled_texts import corpus_bodies

needs_compiled = pytest.mark.skipif(not authority.COMPILED, reason="authority_c is not built")

NASTY = (
    " ", "  ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85",
    "\xa0", "\u2028", "\u2029", "\u3000", "’", "ſ", "\u212a", "ı", "İ", "é", "ß", "٣", "😀", "",
)  # fmt: skip
AUTHORITY = (
    "CLASSIFIED BY", "Classified by:", "classified  by : ", "(U) ", "(u)", "BY ", "by", "for",
    "FOR", " for", " by", "Glyn Davies", "KATHLEEN M. FITZPATRICK", "Nancy McEldowney", "DCM",
    "EAP Acting A/S", "Amb.", "Charge d'Affaires", "a.i.", "PolMinCouns", "JR", "Jr.", "III",
    "IV", "sr", "POLOFF", "S/CT DAS", "Director", "Ambassador", "X", "ab", "AB", "ABCDE",
    "reasons", "Reason:", "REASONS", "reaso ns", "rea s o n s", "reasonsx", "reason_", "per 1.",
    "per\t1 .", "E.O. 12958", "EO13526", "e.o.12", "1.4", "1 . 4", "1/4", "1:5", "1.7", "1.8",
    "11.4", "1.45", "(b)", "(d)", "( c)", "b", "d", "h", "i", "and", "AND", "or", "OR", "ANDY",
    "DIRECTOR" * 9, "Gnehm" * 14,
    "&", ",", ";", ":", ".", "(", ")", "'", "-", "/", "(x)", "(DCM)", "_", "0", "12",
)  # fmt: skip
DATES = (
    "DECL:", "OADR", "1", "12", "06", "19", "2018", "123", "12345", "0", "00", "9999", "60",
    "59", "99", "02", "29", "30", "31", "/", ".", "-", ":", " ", "x", "2/29/2000", "2/29/1900",
    "02/30/08", "12/31/9999", "2020-02-09", "1.4",
)  # fmt: skip
LINES = (
    "RICE", "Stapleton", "LeBaron", "McX", "Mc", "aB", "aBc", "a-b", "End Text. AGUIRRE",
    "SMITH/JONES", "JOHN SMITH", "JOHN  SMITH", "A B C D", "AB CD EF", "AB CD EF GH", "BT",
    "bt", "nnnn", "NNNN", "#1234", "KENNARD .", "KENNARD.", "RICE 2009-01-02", "2009-01-02",
    "RICE 2009-01-0٣", "text.", "END SUMMARY", "points.) CLINTON", "US’s. CRETZ", "x.  AB",
    "x. ABC DE", "x. ABC D", "x.\xa0ABC", "done. THANKS", "SIPDIS", "O'BRIEN", "-AB", "é",
    "éé", "x" * 120, "A sentence of text.", "", "Thanks", "x. NOTE", "SMITH/NOFORN", "Comment",
    "RICE/SECRET/X", "Texts", "AB/CD-",
)  # fmt: skip
BREAKS = (
    "\n", "\n", "\n\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028",
)  # fmt: skip


def pieces(rng: random.Random, parts: tuple[str, ...], most: int) -> str:
    """Up to ``most`` fragments of ``parts`` or of :data:`NASTY`, joined."""
    return "".join(
        rng.choice(parts if rng.random() < 0.8 else NASTY) for _ in range(rng.randint(0, most))
    )


def generated_body(rng: random.Random) -> str:
    """Lines of :data:`LINES` after filler that puts their start near the 400, 2000 and
    4000 character windows, whitespace after them."""
    size = rng.choice((0, 5, 380, 395, 398, 1990, 1996, 3990, 3998, 5000))
    filler = ("yyyy " * 1000)[:size]  # no long run of letters (the reference's regex would
    # take milliseconds on one: ``[a-z]*`` and ``[a-z'\-]+`` split it every way)
    lines = [pieces(rng, LINES, 2) for _ in range(rng.randint(0, 7))]
    ends = "".join(rng.choice(NASTY[:17]) for _ in range(rng.randint(0, 3)))
    text = filler + "".join(line + rng.choice(BREAKS) for line in lines) + ends
    return text if rng.random() < 0.8 else text + " " * rng.choice((1, 1999, 2001, 4001))


def same_or_declined(compiled: Callable[[str], object], reference: object, text: str) -> bool:
    """The compiled reader gives ``reference``, or declines; False when it declines."""
    try:
        found = compiled(text)
    except authority.Declined:
        return False
    assert found == reference, text
    assert type(found) is type(reference), text
    return True


def check_value(value: str) -> int:
    """Compares all three value readers on ``value``; the number they read (0-3)."""
    from loaders.header.authority_c import classified_by
    from loaders.header.reasons_c import reasons, us_date

    official = parse_classified_by_python(value)
    read = same_or_declined(classified_by, official, value)
    read += same_or_declined(reasons, parse_reasons_python(value), value)
    read += same_or_declined(us_date, parse_us_date(value), value)
    assert parse_classified_by(value) == official
    assert parse_reasons(value) == parse_reasons_python(value)
    assert parse_declassify(value) == (parse_us_date(value) if value else None)
    assert read >= 2 or not value.replace("’", "'").isascii(), value  # only a trail declines
    return read


def check_body(body: str) -> bool:
    """Compares the signature readers on ``body``; True when the compiled one read it."""
    from loaders.header.signers_c import signers

    expected = parse_signers_python(body)
    assert parse_signers(body) == expected
    return same_or_declined(signers, expected, body)


def test_the_compiled_readers_are_built() -> None:
    # CI builds them: a checkout that silently fell back to Python would be slower.
    assert authority.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    values = read = signed = 0
    for body in corpus_bodies():
        body = repair_text(body)
        preamble = split_preamble(body)
        for value in (preamble.classified_by or "", preamble.decl or ""):
            read += check_value(value)
            values += 3
        for line in body[-600:].splitlines():
            read += check_value(line)
            values += 3
        signed += check_body(body)
    assert signed == 633  # signature lines past ASCII are read too
    assert read > 0.9 * values


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_values(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        check_value(pieces(rng, AUTHORITY, 14))
        check_value(pieces(rng, DATES, 8))
        check_value("".join(rng.choice(AUTHORITY) for _ in range(rng.randint(0, 10))))


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_bodies(seed: int) -> None:
    rng = random.Random(seed)
    read = sum(check_body(generated_body(rng)) for _ in range(3000))
    assert read > 2700


@needs_compiled
def test_the_compiled_word_list_is_the_reference() -> None:
    from loaders.header.signers_c import NOT_SIGNERS

    assert NOT_SIGNERS == authority._NOT_SIGNERS
