"""Text for the tests that compare the compiled text loops with their pure-Python
references (``test_text_compiled``, ``test_paragraphs_compiled``,
``test_summary_compiled``): the corpus bodies, random strings of pieces, and the
generated texts of pieces and lines (rulers, titles, prose) they share."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from tests.loaders.test_entities_corpus import CABLEGATE, read_body

#: Pages of the shared Cablegate corpus: every one is read.
CORPUS_CABLES = 633

PIECES = (
    "a", "Bc", "THE", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f",
    "\x85", "\xa0", "\u2028", "\u3000", "-", "--", "----", "-----", "====", "=-=-", "___",
    "____", "*", "****", "¶", "¶1.", "1. (C)", "25.", "٣", "é", "’", "😀", "x" * 79, ".",
    "2. (S//NF)", "3, (", "12.\n", "\n4. (c / nf) ",
)  # fmt: skip
LINES = (
    "----", " ---- ", "\t=====\t", "-=-=", "**** ****", "___", "____", "----\r", "",
    " ", "Title", "x" * 80, "x" * 81, "y" * 79 + "é", "text of a paragraph", "¶2. (U) b",
)  # fmt: skip


def corpus_bodies() -> Iterator[str]:
    """The body of every corpus page, in file order; once all are read, asserts that
    there were :data:`CORPUS_CABLES` (a missing corpus fails, it does not pass)."""
    checked = 0
    for path in sorted(CABLEGATE.glob("*.html")):
        yield read_body(path)
        checked += 1
    assert checked == CORPUS_CABLES


def random_text(rng: random.Random, pieces: Sequence[str], most: int) -> str:
    """From 0 to ``most`` random ``pieces`` joined."""
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))


def generated_texts(seed: int, count: int) -> list[str]:
    """Texts of random pieces, and texts of random lines (rulers, titles, prose)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        texts.append(random_text(rng, PIECES, 30))
        lines = "\n".join(rng.choice(LINES) for _ in range(rng.randint(0, 9)))
        texts.append(rng.choice(("", "\n")) + lines + rng.choice(("", "\n")))
    return texts
