"""The compiled header parsers (``loaders/header/<name>_c.pyx``: each module's own source
built by Cython) give what the modules give, on every corpus cable (body, routing header,
preamble fields) and on generated text built from the pieces the parsers decide on
(routing lines, bullets, reasons, TAGS codes, line breaks of every kind, non-ASCII
letters and digits); and :func:`loaders.header.clear_caches` empties their caches."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from importlib import import_module
from types import ModuleType

import pytest

from loaders import assemble
from loaders.header import (
    COMPILED_MODULES,
    authority,
    clear_caches,
    preamble,
    references,
    routing,
    tags,
)
from loaders.readers.html import read_cablegate_page
from loaders.readers.raw import RawCable
from tests.loaders.test_entities_corpus import CABLEGATE

needs_compiled = pytest.mark.skipif(
    not assemble.COMPILED_HEADER, reason="the header parsers are not built"
)
PIECES = (
    "O", "P", "R", "Z", "O P", " 261310Z JUN 08", "131528Z MAY 2008", "FM ", "FROM ", "TO ",
    "INFO ", "RUEHC/", "SECSTATE WASHDC", "AMEMBASSY TOKYO", " PRIORITY", " IMMEDIATE",
    " NIACT", " 7906", " 7881-7884", "BT", "ZEN", "NNNN", "PAGE 02 STATE 068633 261308Z",
    "C O N F I D E N T I A L", "S E C R E T", "u n c l a s s i f i e d", "E.O. 12958: ",
    "DECL: 06/19/2018", "TAGS: ", "PREL", "SMIL", "KDEMAF", "(CLINTON, HILLARY)", "SUBJECT:",
    "SUBJ ", "REF: ", "REFTEL ", "A. ", "B) ", "(C) ", "TOKYO 1464", "STATE 89241", "AND 12",
    "DTG 031932Z", "E-MAIL", "Classified By: ", "Ambassador John Smith", "DCM", ", ",
    "for reasons 1.4 (b) and (d)", "1.5(B,D)", "REASON", "¶1. (C) ", "1. (U) ", "¶", "\n",
    "\n\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85", " ", "\t", "\u00a0", "a", "Z",
    "É", "é", "٣", "ſ", "K", "İ", ".", ")", "-", "/", "RICE", "Smith/JONES", "End text. ",
    "2009-01-02", "x" * 60,
)  # fmt: skip


def compiled(name: str) -> ModuleType:
    return import_module(f"loaders.header.{name}_c")


def generated(count: int, seed: int, size: int = 40) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, size)))


@pytest.fixture(scope="module")
def cables() -> list[RawCable]:
    paths = sorted(CABLEGATE.glob("*.html"))
    return [read_cablegate_page(path.read_bytes(), str(path)) for path in paths]


def fields(value: object) -> object:
    """A dataclass as its fields (each build has its own class), anything else as is."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.astuple(value)
    return value


def same(name: str, function: str, *args: object, **kwargs: object) -> None:
    module = import_module(f"loaders.header.{name}")
    expected = fields(getattr(module, function)(*args, **kwargs))
    assert fields(getattr(compiled(name), function)(*args, **kwargs)) == expected, args


def header_fields(text: str) -> None:
    """Every compiled parser of a text used as each field a parser reads."""
    same("preamble", "split_preamble", text)
    same("routing", "read_routing", text)
    same("references", "parse_references", text, citing_id="08TOKYO1464", year="08")
    for function in ("parse_classified_by", "parse_reasons", "parse_declassify"):
        same("authority", function, text)
    same("authority", "parse_signers", text)
    same("tags", "parse_tags", text)


@needs_compiled
def test_corpus_cables_read_the_same(cables: list[RawCable]) -> None:
    for raw in cables:
        body = raw.body
        found = preamble.split_preamble(body)
        assert fields(compiled("preamble").split_preamble(body)) == fields(found)
        same("routing", "read_routing", raw.header)
        same("references", "parse_references", found.ref, citing_id="08TOKYO1464", year="08")
        same("authority", "parse_classified_by", found.classified_by or "")
        same("authority", "parse_reasons", found.classified_by or "")
        same("authority", "parse_declassify", found.decl)
        same("authority", "parse_signers", body)
        same("tags", "parse_tags", found.tags)


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_generated_text_reads_the_same(seed: int) -> None:
    for text in generated(1500, seed):
        header_fields(text)
        header_fields(text.upper())


@needs_compiled
def test_seed_texts_read_the_same() -> None:
    header_fields(preamble.SEED_BODY)
    header_fields(routing.SEED_HEADER)
    header_fields(references.SEED_REF)
    assert compiled("tags").parse_tags("PREL JA") == tags.parse_tags("PREL JA")
    assert compiled("authority").parse_signers("x\nRICE") == authority.parse_signers("x\nRICE")


@needs_compiled
def test_clear_caches_empties_the_compiled_caches() -> None:
    for name in COMPILED_MODULES:
        header_fields(preamble.SEED_BODY + routing.SEED_HEADER + name)
    clear_caches()
    for name in COMPILED_MODULES:
        for value in vars(compiled(name)).values():
            if hasattr(value, "cache_info") and value.cache_parameters()["maxsize"]:
                assert value.cache_info().currsize == 0
