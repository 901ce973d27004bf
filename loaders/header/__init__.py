"""Pure parsers for the structural parts of a cable: ids, stations, dates, routing,
markings, references, TAGS and the preamble lines (subject, E.O., classified by)."""

from __future__ import annotations

import functools
from importlib import import_module

#: The header modules that keep bounded caches of values recurring across cables.
CACHED_MODULES = ("authority", "markings", "preamble", "references", "routing", "stations", "tags")


def clear_caches() -> None:
    """Empty the bounded caches of the header parsers (values that recur across cables:
    header lines, TAGS values and codes, classified-by lines, stations), so a benchmark
    round can measure what a fresh corpus costs. Unbounded caches hold tables read once
    and are kept.

    >>> from loaders.header.tags import parse_tags
    >>> _ = parse_tags("PREL"); clear_caches(); parse_tags.cache_info().currsize
    0
    """
    for module in (import_module(f"loaders.header.{name}") for name in CACHED_MODULES):
        for value in vars(module).values():
            if (
                isinstance(value, functools._lru_cache_wrapper)
                and value.cache_parameters()["maxsize"] is not None
            ):
                value.cache_clear()
