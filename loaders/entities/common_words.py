"""Frequent English words (``data/common_words.txt``): never read as a person's name.

The list holds lower-case words seen at least ten times in the 633 public Cablegate
pages of ``../shared/corpus`` (a corpus-derived frequency list), less a few that are also
common surnames (Rice, Gates, Brown, Wood, ...) and name particles (al, de, van). It
stops a name at ``Sarkozy Strategic`` and lets all-capitals cables be read at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

DATA_FILE: Final = Path(__file__).resolve().parent / "data" / "common_words.txt"


def load_words(path: Path) -> frozenset[str]:
    """The words of a one-word-a-line file, ``#`` comment lines skipped.

    >>> "embassy" in load_words(DATA_FILE), "rice" in load_words(DATA_FILE)
    (True, False)
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


COMMON_WORDS: Final = load_words(DATA_FILE)
