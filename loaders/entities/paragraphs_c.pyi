from collections.abc import Callable

from loaders.record import Paragraph

def numbered_starts(body: str, heads: frozenset[str]) -> list[tuple[int, int, int, str | None]]: ...
def numbered_paragraphs(
    body: str, heads: frozenset[str], make: Callable[[int | None, str | None, str], Paragraph]
) -> tuple[int, list[Paragraph]]: ...
