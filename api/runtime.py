"""Process tuning of a server worker, applied once the application is built.

CPython's cyclic garbage collector runs a full (oldest-generation) collection every
~100 young ones, and a full collection walks every container object alive: the
imported modules, the strawberry and graphql-core schema, the caches. In a worker that
is ~0.5 M objects and a pause of tens of milliseconds landing on whichever request
happens to allocate at that moment: the p99 of a 500-node answer. So, after start-up:

- :func:`gc.freeze` moves everything alive (modules, schema, the store) to a permanent
  generation that collections never walk again;
- the youngest generation's threshold is raised, so a request that builds a few
  thousand dicts triggers a handful of young collections, not dozens.

Reference counting still frees everything that is not in a cycle, at once.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Final

#: Allocations (minus deallocations) of container objects between young collections.
YOUNG_THRESHOLD: Final = 50_000


@dataclass(frozen=True, slots=True)
class GcState:
    """What :func:`settle_heap` did: objects frozen and the thresholds set."""

    frozen: int
    thresholds: tuple[int, int, int]


def settle_heap(young_threshold: int = YOUNG_THRESHOLD) -> GcState:
    """Collect once, freeze what survives, raise the young threshold.

    >>> before = gc.get_threshold()
    >>> state = settle_heap()
    >>> state.frozen > 0 and state.thresholds[0] == YOUNG_THRESHOLD
    True
    >>> gc.unfreeze(); gc.set_threshold(*before)
    >>> settle_heap(0)
    Traceback (most recent call last):
    ...
    ValueError: young_threshold must be at least 1, got 0
    """
    if young_threshold < 1:
        raise ValueError(f"young_threshold must be at least 1, got {young_threshold}")
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(young_threshold, middle, old)
    return GcState(frozen=gc.get_freeze_count(), thresholds=gc.get_threshold())
