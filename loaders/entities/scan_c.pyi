from typing import Any

class KeptScanner:
    def __init__(
        self,
        keep: frozenset[str],
        lone: frozenset[str],
        abbreviations: frozenset[str],
        sentence_starts: frozenset[str],
        segment_type: type[Any],
        capacity: int = ...,
    ) -> None: ...
    def scan(self, text: str) -> list[Any]: ...
    def clear(self) -> None: ...
    def __len__(self) -> int: ...
