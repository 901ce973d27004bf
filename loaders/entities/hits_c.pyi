from collections.abc import Callable, Iterable, Sequence
from typing import Any

class LexiconMatcher:
    def __init__(
        self,
        lexicon: dict[str, Any],
        first_words: dict[str, tuple[int, ...]],
        abbreviations: frozenset[str],
    ) -> None: ...
    def __call__(self, words: tuple[str, ...]) -> tuple[tuple[Any, int, int], ...]: ...

class HitCollector:
    def __init__(
        self,
        match: Callable[[tuple[str, ...]], Sequence[tuple[Any, int, int]]],
        hit_type: type[Any],
        limit: int = ...,
    ) -> None: ...
    def clear(self) -> None: ...
    def __len__(self) -> int: ...
    def collect(self, segments: Iterable[Any]) -> list[Any]: ...
