"""A shared cache of operation checks: the same query with the same variables is
checked once (the argument limits and the cost of an operation depend on nothing else).

Walking the operation for its cost takes about as long as resolving a small query, and
clients send the same few operations over and over. The cache is keyed by the query
text, the operation name and the variables (as sorted JSON); large variables (an ingest
mutation's documents, a long ``ids`` list) are not cached, so the keys stay small.

>>> cache = CheckCache(maxsize=2)
>>> key = check_key("{ stats { cables } }", None, {})
>>> cache.get(key) is MISSING
True
>>> cache.put(key, None)
>>> cache.get(key) is None
True
>>> check_key("{ a }", None, {"ids": ["x" * 5000]}) is None
True
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import orjson

from api.complexity import LimitError

#: The key of one check: query text, operation name, variables as sorted JSON.
CheckKey: TypeAlias = tuple[str, str | None, bytes]
#: A check's outcome: None (within every limit) or the rejection.
Outcome: TypeAlias = LimitError | None

#: Variables larger than this (as JSON) are checked every time, never cached.
MAX_VARIABLES_BYTES: Final = 2048


class Missing:
    """The marker of a key not in the cache."""


MISSING: Final = Missing()


def check_key(
    query: str | None, operation: str | None, variables: Mapping[str, Any]
) -> CheckKey | None:
    """The cache key of a check, or None when it should not be cached (no query text,
    variables too large or not JSON).

    >>> check_key("{ a }", None, {"b": 1, "a": 2})
    ('{ a }', None, b'{"a":2,"b":1}')
    """
    if query is None:
        return None
    try:
        encoded = orjson.dumps(dict(variables), option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return None
    return (query, operation, encoded) if len(encoded) <= MAX_VARIABLES_BYTES else None


class CheckCache:
    """The outcomes of the last ``maxsize`` checks (least recently used dropped first)."""

    def __init__(self, maxsize: int = 1024) -> None:
        self._maxsize = maxsize
        self._outcomes: OrderedDict[CheckKey, Outcome] = OrderedDict()

    def get(self, key: CheckKey) -> Outcome | Missing:
        """The cached outcome of ``key``, or :data:`MISSING`."""
        if key not in self._outcomes:
            return MISSING
        self._outcomes.move_to_end(key)
        return self._outcomes[key]

    def put(self, key: CheckKey, outcome: Outcome) -> None:
        """Remember the outcome of ``key``."""
        self._outcomes[key] = outcome
        self._outcomes.move_to_end(key)
        while len(self._outcomes) > self._maxsize:
            self._outcomes.popitem(last=False)
