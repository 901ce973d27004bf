"""The compiled routing walk (``routing_c.read_routing``) gives what its pure-Python
reference (``routing.read_routing_python``) gives, the same values of the same types in
the same order: on every corpus header and the seed's, on generated headers of header
fragments (sections, routes, precedence words, MCNs, page breaks, banners, skipped
lines, every ASCII whitespace and line break), on generated precedence lines (real and
impossible dates) and on headers with nasty characters, which it may decline (None) only
where it says it does: a header that is not ASCII, a line of more than 128 words."""

from __future__ import annotations

import random

import pytest

from loaders.header import routing
from loaders.header.routing import read_routing, read_routing_python
from loaders.readers.html import read_cablegate_page
from loaders.readers.text_export import read_text_export
from tests.loaders.test_entities_corpus import CABLEGATE

FRAGMENTS = (
    "O", "P", "R", "Z", "F", "T", "I", "FM", "FM ", "FROM ", "TO ", "TO", "INFO ", "INFO", "TO/",
    "FMX", "INFORM", "RUEHC/", "RUEHKO /", " / ", "R12/", "R1234567/", "RABCDEFGH/", "RUEH/7906",
    "SECSTATE WASHDC", "AMEMBASSY LA PAZ", "AB", "a", "X", " PRIORITY", "IMMEDIATE", " FLASH",
    "ROUTINE", " NIACT", "NIACT IMMEDIATE", " 7906", "7906", " 12-34", "12-", "-34", "1234567",
    " 0", "08", "BT", "BTX", "ZEN", "ZFR", "ZEX", "NNNN", "XMT", "SPECIAL", "O 123456Z",
    "O  123456Z", "INFO LOG-00", "INFO X_1-23", "INFO X-1", "O 261310Z JUN 08",
    "O P 131528Z MAY 08", "R 290000Z FEB 1900", "P 010000Z JAN 000", "Z 311259Z APR 2008",
    "PAGE 02", "TO PAGE 02",
    " PAGE 02        STATE   068633  261308Z", "PAGE 01 HARARE 06677 01 OF 03 291400Z",
    "C O N F I D E N T I A L", "s e c r e t", "S E C R E T", "U N C L A S S I F I E D", " I ",
    " I", "I ", "E C R", " ", "  ", "\t", "\x0b", "\x0c", "\x1c", "\x1f", "_", "-", "/",
)  # fmt: skip
BREAKS = ("\n", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")
#: Characters the compiled walk leaves to the reference (in a header, it declines).
NASTY = (
    "\x85", "\xa0", "\u2028", "\u2029", "\u3000", "٣", "²", "é", "ſ", "ı", "K", "ß", "😀",
)  # fmt: skip
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

needs_compiled = pytest.mark.skipif(not routing.COMPILED, reason="routing_c is not built")


def typed(found: object) -> object:
    """A reading with the type of every value beside it (equal values of another type,
    a list for a tuple, differ)."""
    if isinstance(found, list | tuple):
        return type(found), [typed(item) for item in found]
    return type(found), found


def compiled(header: str) -> object:
    from loaders.header import routing_c

    return routing_c.read_routing(header)


def assert_same(header: str) -> None:
    """The compiled walk reads an ASCII header as the reference does; whatever it
    declines, :func:`read_routing` still gives the reference's reading."""
    expected = typed(read_routing_python(header))
    found = compiled(header)
    if found is None:
        assert not header.isascii() or any(len(s.split()) > 128 for s in header.splitlines())
    else:
        assert typed(found) == expected, repr(header)
    assert typed(read_routing(header)) == expected, repr(header)


def generated_headers(seed: int, count: int, nasty: bool) -> list[str]:
    """Headers of random lines of fragments (with a nasty character now and then)."""
    rng = random.Random(seed)
    pieces = FRAGMENTS + NASTY if nasty else FRAGMENTS
    headers = []
    for _ in range(count):
        lines = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
            for _ in range(rng.randint(0, 10))
        ]
        headers.append(rng.choice(BREAKS).join(lines) + rng.choice(("", "", "\n", "\r\n")))
    return headers


def test_the_compiled_walk_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert routing.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    headers = [
        read_cablegate_page(path.read_bytes(), str(path)).header
        for path in sorted(CABLEGATE.glob("*.html"))
    ]
    assert len(headers) == 633
    seed = CABLEGATE.parent / "seed" / "08STATE68633.txt"
    headers += [read_text_export(seed.read_text(), str(seed)).header, routing.SEED_HEADER]
    for header in headers:
        assert compiled(header) is not None
        assert_same(header)


@needs_compiled
@pytest.mark.parametrize("seed", range(3))
def test_compiled_equals_python_on_generated_headers(seed: int) -> None:
    for header in generated_headers(seed, 4000, nasty=False):
        assert compiled(header) is not None
        assert_same(header)


@needs_compiled
def test_compiled_declines_or_equals_python_on_nasty_headers() -> None:
    for header in generated_headers(7, 3000, nasty=True):
        assert_same(header)


@needs_compiled
def test_compiled_equals_python_on_precedence_lines() -> None:
    rng = random.Random(11)
    for _ in range(6000):
        digits = "".join(rng.choice("0123456789") for _ in range(6))
        if rng.random() < 0.7:  # mostly near-real dates and times
            digits = f"{rng.randint(0, 32):02d}{rng.randint(20, 25):02d}{rng.randint(55, 61):02d}"
        year = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 5)))
        line = (
            rng.choice("ZOPRX") + rng.choice((" ", " P ", "  O\t", "\t", "")) + digits
            + rng.choice(("Z ", "Z\t", "Z", "X ")) + rng.choice((*MONTHS, "Feb", "FEBR", "XYZ"))
            + rng.choice((" ", "  ", "")) + year + rng.choice(("", "Z", " 1", "\t"))
        )  # fmt: skip
        assert_same(f"{line}\nFM AMEMBASSY X\nTO AB CD\nINFO EF")


@needs_compiled
def test_compiled_declines_what_it_does_not_read() -> None:
    many = "TO " + " ".join(["AB"] * 200)
    for header in ("FM X\nTO AMEMBASSY PARÍS", "FM X\u2028TO AB", "FM AB\n" + many):
        assert compiled(header) is None
        assert_same(header)
    assert compiled("FM X\nTO " + " ".join(["AB"] * 128)) is not None


@needs_compiled
def test_the_compiled_tables_are_the_reference_tables() -> None:
    from loaders.header import routing_c

    assert routing_c.LETTERS == routing.PRECEDENCE_LETTERS
    assert set(routing_c.WORDS) == routing._PRECEDENCE_WORDS
    assert set(routing_c.PRECEDENCE_FIRSTS) == routing._PRECEDENCE_FIRSTS
    assert set(routing_c.LINE_FIRSTS) == routing._LINE_FIRSTS
