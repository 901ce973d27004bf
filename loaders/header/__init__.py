"""Pure parsers for the structural parts of a cable: ids, stations, dates, routing,
markings, references, TAGS and the preamble lines (subject, E.O., classified by).

The parsers a record is read with are also built compiled: ``<name>_c.pyx`` includes
``<name>.py`` (the same source, built by Cython: ~14% fewer instructions per new cable).
:mod:`loaders.assemble` uses them when built; the modules themselves are the fallback,
and ``tests/loaders/test_header_compiled.py`` compares the two.
"""

import functools
from contextlib import suppress
from importlib import import_module

#: The modules whose source is also built compiled (``<name>_c``), and those with caches.
COMPILED_MODULES = ("authority", "preamble", "references", "routing", "tags")
CACHED_MODULES = (*COMPILED_MODULES, "markings", "stations")


def cached_modules() -> list[object]:
    """The header modules that keep bounded caches, and their compiled builds (if built)."""
    found: list[object] = [import_module(f"loaders.header.{name}") for name in CACHED_MODULES]
    for name in COMPILED_MODULES:
        with suppress(ImportError):  # not built: the module alone is used
            found.append(import_module(f"loaders.header.{name}_c"))
    return found


def clear_caches() -> None:
    """Empty the bounded caches of the header parsers (values that recur across cables:
    header lines, TAGS values and codes, classified-by lines, stations), so a benchmark
    round can measure what a fresh corpus costs. Unbounded caches hold tables read once
    and are kept.

    >>> from loaders.header.tags import parse_tags
    >>> _ = parse_tags("PREL"); clear_caches(); parse_tags.cache_info().currsize
    0
    """
    for module in cached_modules():
        for value in vars(module).values():
            if (
                isinstance(value, functools._lru_cache_wrapper)
                and value.cache_parameters()["maxsize"] is not None
            ):
                value.cache_clear()
