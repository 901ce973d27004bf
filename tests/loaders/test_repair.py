"""Encoding damage of the 2010 release, with real snippets from the corpus."""

from __future__ import annotations

import pytest

from loaders.header.repair import repair_text

CASES = [
    ("agree to a &reference,8 tightly", 'agree to a "reference," tightly'),
    ("Turkey has a &Kurdish problem.8  Li", 'Turkey has a "Kurdish problem."  Li'),
    ("the move &buried8 evidence", 'the move "buried" evidence'),
    ("said, &Iranians are not stupid.8", 'said, "Iranians are not stupid."'),
    ("from &middle power8 status", 'from "middle power" status'),
    ("working on it.8  A firm date", 'working on it."  A firm date'),
    ("However, Japan,s political", "However, Japan's political"),
    ("PM Erdogan,s core of AKP", "PM Erdogan's core of AKP"),
    ("Hollingsworth £ing on the table8", 'Hollingsworth "pounding on the table"'),
    ("there are ¢rales8 or hubs", 'there are "centrales" or hubs'),
    # an opening quote without its closing 8 is restored as written, not guessed
    ("characterized as µ-trafficking networks", "characterized as &micro-trafficking networks"),
]

UNTOUCHED = [
    "The upcoming G8 Summit in Japan",
    "fixed-wing (C-130) or ISR, in 1998 and 2008",
    "OTTAWA, PARIS, BERLIN, ROME, AND LONDON:",
    "grew by 1.8 percent in 2008",
    "AT&T and Procter & Gamble",
    "¶8. (U) Minimize considered.",
]


@pytest.mark.parametrize(("damaged", "repaired"), CASES)
def test_repairs(damaged: str, repaired: str) -> None:
    assert repair_text(damaged) == repaired


@pytest.mark.parametrize("text", UNTOUCHED)
def test_clean_text_is_left_alone(text: str) -> None:
    assert repair_text(text) == text
