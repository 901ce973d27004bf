from collections.abc import Iterable

from loaders.entities.lexicon import EntryKind, Hit

NEEDLES: tuple[str, ...]

def marked_words(text: str) -> tuple[list[int], list[tuple[int, str]]]: ...
def place_names(hits: Iterable[Hit], kind: EntryKind) -> list[str]: ...
