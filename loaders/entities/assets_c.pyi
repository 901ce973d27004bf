from collections.abc import Iterable
from typing import Any

def designator_words(segments: Iterable[Any]) -> list[str]: ...
