"""Which of a few fixed needles occur in a text, in one pass.

Extractors that gate on plain substrings (``airlift``, ``medevac`` ...) would otherwise
search the whole body once per needle. :class:`NeedleSet` holds the needles and
answers :meth:`~NeedleSet.occurring` for a text; the compiled version (``substrings_c``,
one skipping pass over the text's buffer) is used when built, this one is the reference.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final


class PythonNeedleSet:
    """Needles (1 to 64, each 2 to 64 characters) searched for with ``in``.

    >>> PythonNeedleSet(["lift", "medevac", "close air"]).occurring("an airlift by medevac")
    ['lift', 'medevac']
    """

    def __init__(self, needles: Iterable[str], anchors: Iterable[int] | None = None) -> None:
        # ``anchors`` (where the compiled search looks for each needle) change nothing here
        self.needles: Final = tuple(needles)
        if not 0 < len(self.needles) <= 64 or not all(2 <= len(n) <= 64 for n in self.needles):
            raise ValueError("1 to 64 needles of 2 to 64 characters")

    def occurring(self, text: str) -> list[str]:
        """The needles that occur in ``text``, in order."""
        return [needle for needle in self.needles if needle in text]


try:  # the compiled search, built by ``pip install`` (substrings_c.pyx); same results
    from loaders.entities.substrings_c import NeedleSet as _CompiledNeedleSet
except ImportError:  # pragma: no cover - a checkout that was never built
    _CompiledNeedleSet = None  # type: ignore[assignment,misc]

#: True when the compiled search (``substrings_c``) is in use.
COMPILED: Final = _CompiledNeedleSet is not None
#: The needle set in use: the compiled one when built.
NeedleSet: Final = PythonNeedleSet if _CompiledNeedleSet is None else _CompiledNeedleSet

__all__ = ["COMPILED", "NeedleSet", "PythonNeedleSet"]
