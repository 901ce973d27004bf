"""``FOR ...:`` blocks read only from the lines holding ``FOR`` are the blocks the whole
pattern finds scanning every line (``_FOR_BLOCK.finditer``): on every corpus body and
on generated text of block-like lines (numbered, dashed, ``ACTION FOR``, tabs, notes,
lists wrapped over lines, several ``FOR`` on a line)."""

from __future__ import annotations

import random
import re

import pytest

from loaders.entities.occurrences import occurrence_offsets
from loaders.entities.request_blocks import _FOR_BLOCK, FOR_MARKS, iter_for_blocks
from loaders.entities.text import strip_header
from tests.loaders.test_entities_corpus import corpus_bodies

PIECES = (
    "\n", "FOR ", "FOR\t", "FOR", " ", "\t", "OTTAWA", "PARIS", ", ", " AND ", ":", "  ",
    "1. ", "2.", "(C) ", "-- ", "ACTION ", "(POINTS REL NATO)", "(except Moscow)", "(", ")",
    "Request", "x", "\n\n", "¶", "É", "FORT", "INFO",
)  # fmt: skip


def block_like_line(rng: random.Random) -> str:
    """A line that often starts a block: prefix, ``FOR``, posts, note, colon, text."""
    parts = (
        rng.choice(("\n", "\n ", "\n\t", " ", "")),
        rng.choice(("", "1. ", "12 .\t(S/NF) ", "¶ 3. ", "-- ", "2.")),
        rng.choice(("", "ACTION ", "ACTION\t")),
        rng.choice(("FOR ", "FOR\t", "FOR  ", "FOR", "FORT ")),
        "".join(rng.choice(PIECES[5:12]) for _ in range(rng.randint(0, 4))),
        rng.choice(("", " (POINTS REL NATO) ", "(except Moscow)", "(", "")),
        rng.choice((":", " :", "", "\n:")),
    )
    return "".join(parts)


def spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in matches]


def blocks_by_line(text: str) -> list[re.Match[str]]:
    return list(iter_for_blocks(text, occurrence_offsets(text, FOR_MARKS)))


def test_on_the_corpus() -> None:
    found = 0
    for body in corpus_bodies().values():
        text = "\n" + strip_header(body)
        expected = list(_FOR_BLOCK.finditer(text))
        assert spans(blocks_by_line(text)) == spans(expected)
        found += len(expected)
    assert found >= 1


@pytest.mark.parametrize("seed", range(3))
def test_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    found = 0
    for _ in range(5000):
        text = "".join(
            block_like_line(rng) if rng.random() < 0.3 else rng.choice(PIECES)
            for _ in range(rng.randint(0, 30))
        )
        expected = spans(list(_FOR_BLOCK.finditer(text)))
        assert spans(blocks_by_line(text)) == expected, repr(text)
        found += len(expected)
    assert found > 500
