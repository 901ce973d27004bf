"""The compiled damage check (``repair_c.damage_flags``) gives what its pure-Python
reference gives, on every corpus body (as the reader gives it) and on generated text
built from what it decides on; and the repairs it lets a text skip leave that text
unchanged (``repair_text`` equals all the repairs run one after the other)."""

from __future__ import annotations

import random

import pytest

from loaders.header import repair
from loaders.header.repair import (
    damage_flags_python,
    repair_apostrophes,
    repair_apostrophes_python,
    repair_quotes,
    repair_text,
    restore_entities,
)
from loaders.readers.html import read_cablegate_page
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "a", "Bc", "s", "t", "d", "m", "ll", "re", "ve", "le", "S", "_", "é", "٣", "5", "8", "88",
    ",", ".", "!", "?", ";", "&", "(", "-", " ", "\n", "\t", "\xa0", "\u2028", "\u3000",
    "£", "¢", "µ", "«", "÷", "¿", "¶", "’", "😀", "Japan,s", "don,t", "it.8", "&big8",
    "AT&T", "G8", "1.8", "word,ll", "x,ve", "y,re_",
)  # fmt: skip

needs_compiled = pytest.mark.skipif(not repair.COMPILED, reason="repair_c is not built")


def repaired_in_full(text: str) -> str:
    """Every repair, whatever the damage check says (all in Python)."""
    return repair_apostrophes_python(repair_quotes(restore_entities(text)))


def generated_texts(seed: int, count: int) -> list[str]:
    """Texts of random pieces (1-, 2- and 4-byte strings)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def corpus_bodies() -> list[str]:
    return [
        read_cablegate_page(path.read_bytes(), str(path)).body
        for path in sorted(CABLEGATE.glob("*.html"))
    ]


def test_the_compiled_damage_check_is_built() -> None:
    # CI builds it: a checkout that silently fell back to Python would be slower.
    assert repair.COMPILED


@needs_compiled
def test_compiled_equals_python_on_the_corpus() -> None:
    bodies = corpus_bodies()
    assert len(bodies) == 633
    for body in bodies:
        assert repair.damage_flags(body) == damage_flags_python(body)
        assert repair_text(body) == repaired_in_full(body)
        assert repair_apostrophes(body) == repair_apostrophes_python(body)


@needs_compiled
@pytest.mark.parametrize("seed", range(4))
def test_compiled_equals_python_on_generated_text(seed: int) -> None:
    for text in generated_texts(seed, 5000):
        assert repair.damage_flags(text) == damage_flags_python(text), text
        assert repair_apostrophes(text) == repair_apostrophes_python(text), text


@pytest.mark.parametrize("seed", range(2))
def test_skipped_repairs_change_nothing(seed: int) -> None:
    for text in generated_texts(seed, 5000):
        flags = damage_flags_python(text)
        assert repair_text(text) == repaired_in_full(text), text
        assert (restore_entities(text) != text) == bool(flags & repair.ENTITY)
        assert (repair_apostrophes(text) != text) == bool(flags & repair.APOSTROPHE)
        if not flags & (repair.QUOTE | repair.CLOSE):
            assert repair_quotes(text) == text


@needs_compiled
def test_compiled_apostrophes_keep_the_string_kind() -> None:
    for text in ("Japan,s", "é Japan,s", "’ Japan,s", "😀 Japan,s", "Ωx,ll", "x,s_", "x,s٣"):
        fixed = repair_apostrophes(text)
        assert fixed == repair_apostrophes_python(text)
        assert fixed.isascii() == text.isascii() and max(fixed) == max(text)
    assert repair_apostrophes("Rome, Paris") == "Rome, Paris"


def test_the_compiled_entity_symbols_are_the_repair_table() -> None:
    from loaders.header import repair_c

    assert set(repair_c.ENTITY_SYMBOLS) == set(repair._ENTITY_NAMES)
