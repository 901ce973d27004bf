from collections.abc import Iterable

class NeedleSet:
    needles: tuple[str, ...]
    pairs: list[str]
    def __init__(self, needles: Iterable[str], anchors: Iterable[int] | None = None) -> None: ...
    def occurring(self, text: str) -> list[str]: ...
