"""Long parsing runs: ``loaders.read.clear_caches`` empties every cache the parsers keep
across cables (so a benchmark's "new cables" round starts from nothing), and parsing makes
no reference cycles (so ``paused_gc`` loses no memory)."""

from __future__ import annotations

import functools
import gc
import importlib
import pkgutil
from pathlib import Path

import loaders
from loaders.read import LoadError, clear_caches, parse_document, paused_gc
from tests.corpus_cables import first_cables

#: The parsers' modules (the graph mapping, ``loaders.to_graph*``, keeps its own caches).
PARSER_MODULES = ("loaders.read", "loaders.assemble", "loaders.header", "loaders.entities")


def bounded_caches() -> dict[str, functools._lru_cache_wrapper[object]]:
    """Every bounded ``lru_cache`` defined at module level in the parsers (unbounded ones
    hold tables built once, not what the cables taught)."""
    found = {}
    for info in pkgutil.walk_packages(loaders.__path__, "loaders."):
        if not info.name.startswith(PARSER_MODULES):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                isinstance(value, functools._lru_cache_wrapper)
                and value.__module__ == info.name
                and value.cache_parameters()["maxsize"] is not None
            ):
                found[f"{info.name}.{name}"] = value
    return found


def test_clear_caches_empties_every_bounded_cache(cablegate_dir: Path) -> None:
    assert len(first_cables(cablegate_dir, 40)) == 40  # parses them: fills the caches
    caches = bounded_caches()
    assert sum(c.cache_info().currsize for c in caches.values()) > 0  # the parse filled them
    clear_caches()
    left = {name: c.cache_info().currsize for name, c in caches.items()}
    assert {name: size for name, size in left.items() if size} == {}


BAD_INPUTS = [
    b"",
    b"\x00\x01binary",
    b"\xff\xfe not utf-8",
    b"<html><table class='cable'><tr><td>08STATE1",
    b"just some words",
    b"C O N F I D E N T I A L\nno header, no id",
]


def test_parsing_makes_no_reference_cycles(cablegate_dir: Path, seed_path: Path) -> None:
    gc.collect()
    with paused_gc():
        cables = first_cables(cablegate_dir, 60)
        cables += parse_document(seed_path.read_bytes(), str(seed_path))
        failed = [r for bad in BAD_INPUTS for r in parse_document(bad, "bad.txt")]
        unreachable = gc.collect()
    assert len(cables) == 61 and all(isinstance(r, LoadError) for r in failed)
    assert unreachable == 0
