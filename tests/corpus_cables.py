"""Helpers for tests that need real parsed cables in bulk: the first cables of the
shared corpus, and a list cut into fixed-size pieces (units, transactions)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from loaders.read import expand_paths, iter_path
from loaders.record import Cable

T = TypeVar("T")


def first_cables(folder: Path, count: int) -> list[Cable]:
    """The cables of the first ``count`` pages of ``folder`` (one cable a page; a page
    that fails to parse fails the test)."""
    found: list[Cable] = []
    for path in list(expand_paths([folder]))[:count]:
        found.extend(r for r in iter_path(path) if isinstance(r, Cable))
    assert len(found) == count
    return found


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in consecutive pieces of ``size`` (the last may be shorter)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
