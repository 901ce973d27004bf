from typing import Any

class LexiconMatcher:
    def __init__(
        self,
        lexicon: dict[str, Any],
        first_words: dict[str, tuple[int, ...]],
        abbreviations: frozenset[str],
        flag_words: frozenset[str] = ...,
    ) -> None: ...
    @property
    def flag_words(self) -> frozenset[str]: ...
    def __call__(self, words: tuple[str, ...]) -> tuple[tuple[Any, int, int], ...]: ...
