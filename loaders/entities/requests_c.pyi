import re
from collections.abc import Iterable

class PairStarts:
    def __init__(self, pairs: Iterable[str]) -> None: ...
    def search(
        self, text: str, start: int, end: int, pattern: re.Pattern[str]
    ) -> re.Match[str] | None: ...
