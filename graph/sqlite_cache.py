"""A cache of visible degrees for the embedded store, dropped whenever the file changes.

A hub's degree (a post with 370k edges) takes ~0.3 s to count under a clearance, and the
API asks for the degree of every node it shows. The cache is keyed by node id and
clearance, and is valid for one *generation*: SQLite's ``data_version`` (which moves
when another connection commits) together with this store's own write count.

>>> cache = DegreeCache()
>>> cache.renew((1, 0))
>>> cache.put({("post:TOKYO", 1, 0): 12})
>>> cache.get([("post:TOKYO", 1, 0), ("post:STATE", 1, 0)])
({('post:TOKYO', 1, 0): 12}, [('post:STATE', 1, 0)])
>>> cache.renew((2, 0))
>>> cache.get([("post:TOKYO", 1, 0)])[0]
{}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

DegreeKey: TypeAlias = tuple[str, int, int]  # node id, clearance level, noforn
Generation: TypeAlias = tuple[int, int]


class DegreeCache:
    """Degrees (None for a node not visible) of one generation, at most ``limit`` keys."""

    def __init__(self, limit: int = 200_000) -> None:
        self._limit = limit
        self._generation: Generation | None = None
        self._values: dict[DegreeKey, int | None] = {}

    def renew(self, generation: Generation) -> None:
        """Forget everything when the store changed since the cached answers."""
        if generation != self._generation:
            self._values.clear()
            self._generation = generation

    def get(self, keys: Sequence[DegreeKey]) -> tuple[dict[DegreeKey, int | None], list[DegreeKey]]:
        """The cached answers among ``keys``, and the keys still to count."""
        found = {k: self._values[k] for k in keys if k in self._values}
        return found, [k for k in keys if k not in found]

    def put(self, values: Mapping[DegreeKey, int | None]) -> None:
        if len(self._values) + len(values) > self._limit:
            self._values.clear()
        self._values.update(values)
