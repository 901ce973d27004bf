"""The segments (or words) of a cable that an extractor reads: the titled segments of
the officials, the hyphenated words of the designators.

The compiled versions (``segment_filters_c``) are used when built; these are the
reference. Both take the scanner's list of segments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from loaders.entities.scan import Segment

__all__ = ["COMPILED", "indices_naming_any", "words_holding"]


def indices_naming_any_python(segments: Iterable[Segment], words: frozenset[str]) -> list[int]:
    """The indices of the segments with a word in ``words``.

    >>> segments = [Segment(0, 5, ("Japan",), "Japan"), Segment(9, 16, ("Mr.", "Sato"), "")]
    >>> indices_naming_any_python(segments, frozenset({"Mr."}))
    [1]
    """
    return [i for i, segment in enumerate(segments) if not words.isdisjoint(segment[2])]


def words_holding_python(segments: Iterable[Segment], char: str) -> list[str]:
    """The words of the segments that hold ``char`` (one character), in order.

    >>> words_holding_python([Segment(0, 15, ("NATO-led", "CH-47s"), "NATO-led CH-47s")], "-")
    ['NATO-led', 'CH-47s']
    """
    return [word for _, _, words, raw in segments if char in raw for word in words if char in word]


try:  # the compiled filters, built by ``pip install`` (segment_filters_c.pyx); same results
    from loaders.entities import segment_filters_c as _compiled
except ImportError:  # pragma: no cover - a checkout that was never built
    _compiled = None  # type: ignore[assignment]

#: True when the compiled filters (``segment_filters_c``) are in use.
COMPILED: Final = _compiled is not None
indices_naming_any: Final[Callable[[Iterable[Segment], frozenset[str]], list[int]]] = (
    indices_naming_any_python if _compiled is None else _compiled.indices_naming_any
)
words_holding: Final[Callable[[Iterable[Segment], str], list[str]]] = (
    words_holding_python if _compiled is None else _compiled.words_holding
)
