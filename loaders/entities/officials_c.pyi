from collections.abc import Callable, Sequence
from typing import Any

from loaders.entities.officials_segment_c import SegmentReader

class MentionReader(SegmentReader):
    def find(
        self,
        text: str,
        segments: list[Any],
        all_caps: bool,
        segment_mentions: Callable[[tuple[str, ...], bool], Sequence[tuple[int, Any]]],
        name_words: Callable[[str], frozenset[str]],
        titled: list[int] | None = ...,
        generation: int = ...,
    ) -> tuple[Any, ...]: ...
    def merge(
        self, officials: Sequence[Any], name_words: Callable[[str], frozenset[str]]
    ) -> tuple[Any, ...]: ...
