"""Units of ingest work: groups of small files, or byte ranges of a ``cables.csv``.

A ``cables.csv`` dump (no header row, every field quoted, a row starts with its
sequence number and date) is cut at row starts, so each range holds whole rows and
a worker reads only its own range. Everything else is grouped a few MB at a time.
"""

from __future__ import annotations

import gc
import mmap
import os
import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeAlias

from loaders.entities import BodyParts
from loaders.ingest_flat import (
    FlatBatch,
    FlatEdge,
    FlatNode,
    RepeatFilter,
    flatten_batch,
    merge_flat,
)
from loaders.read import LoadError, iter_path, parse_document, paused_gc
from loaders.record import Cable
from loaders.to_graph import cable_to_flat

__all__ = ["FlatBatch", "FlatEdge", "FlatNode", "flatten_batch", "merge_flat"]

UnitKey: TypeAlias = str
#: Bytes of input per unit: large enough to amortise a task, small enough to balance.
UNIT_BYTES = 2 << 20
#: At most this many files in one unit.
UNIT_FILES = 256
_CSV_HEAD = re.compile(rb'\s*"\d+","\d{1,2}/\d{1,2}/\d{4} ')
#: The end of one row and the start of the next: ``"`` newline ``"123","4/5/2008 ``.
#: The end of a ``cables.csv`` row that another row follows (where a range may be cut).
ROW_START = re.compile(rb'"\r?\n(?="\d+","\d{1,2}/\d{1,2}/\d{4} )')
_ROW_SOURCE = re.compile(r":row (\d+)$")


@dataclass(frozen=True, slots=True)
class Unit:
    """Files to parse whole (``csv_range`` None) or one byte range of one csv file;
    ``first_row`` is the 1-based number of the range's first row."""

    paths: tuple[Path, ...]
    size: int
    key: UnitKey
    csv_range: tuple[int, int] | None = None
    first_row: int = 1


@dataclass(frozen=True, slots=True)
class UnitResult:
    """A parsed unit: one flat batch per cable (plain values pickle several times
    faster than the frozen dataclasses), in input order."""

    unit: Unit
    batches: tuple[FlatBatch, ...]
    cables: int
    failures: tuple[LoadError, ...]


def is_csv_dump(head: bytes) -> bool:
    """True when a file starting with ``head`` is a ``cables.csv`` dump.

    >>> is_csv_dump(b'"1","12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires"')
    True
    >>> is_csv_dump(b"08STATE68633\\nCORRECTED COPY")
    False
    """
    return _CSV_HEAD.match(head) is not None


def split_rows(data: bytes | mmap.mmap, target: int) -> list[tuple[int, int, int]]:
    """Cut csv ``data`` into ``(start, end, rows_before)`` ranges of about ``target``
    bytes, each made of whole rows. A memory-mapped file's pages are let go once read
    (a 1.7 GB dump does not stay in the process's resident memory while it is planned).

    >>> rows = b'"1","1/2/2008 10:00","a"\\n"2","1/3/2008 10:00","b"\\n"3","1/4/2008 1:00","c"\\n'
    >>> split_rows(rows, 10)
    [(0, 25, 0), (25, 50, 1), (50, 74, 2)]
    >>> split_rows(rows, 1000)
    [(0, 74, 0)]
    """
    ranges: list[tuple[int, int, int]] = []
    start, rows_before = 0, 0
    while start < len(data):
        match = ROW_START.search(data, start + target) if start + target < len(data) else None
        end = match.end() if match else len(data)
        ranges.append((start, end, rows_before))
        rows_before += 1 + sum(1 for _ in ROW_START.finditer(data, start, end))
        if isinstance(data, mmap.mmap):
            release_pages(data, start, end)
        start = end
    return ranges


def release_pages(data: mmap.mmap, start: int, end: int) -> None:
    """Drop the whole pages of ``data`` from ``start`` to ``end`` from this process (the
    file stays in the page cache; reading them again maps them again)."""
    first = start - start % mmap.PAGESIZE
    last = end - end % mmap.PAGESIZE
    if last > first:
        data.madvise(mmap.MADV_DONTNEED, first, last - first)


def plan_units(files: list[Path]) -> list[Unit]:
    """The units of work for ``files``, in input order."""
    units: list[Unit] = []
    group: list[Path] = []
    group_size = 0
    for path in files:
        size = _size_of(path)
        if size > 0 and _is_csv_file(path):
            units.extend(_flush(group, group_size))
            group, group_size = [], 0
            units.extend(_csv_units(path))
            continue
        group.append(path)
        group_size += size
        if group_size >= UNIT_BYTES or len(group) >= UNIT_FILES:
            units.extend(_flush(group, group_size))
            group, group_size = [], 0
    units.extend(_flush(group, group_size))
    return units


def parse_unit(unit: Unit) -> UnitResult:
    """Parse a unit and map its cables to graph batches (runs in a worker process).

    The cyclic collector is paused meanwhile (:func:`loaders.read.paused_gc`) and the
    young generations collected once at the end.
    """
    with paused_gc():
        try:
            return _parse_unit(unit)
        finally:
            gc.collect(1)


def _parse_unit(unit: Unit) -> UnitResult:
    batches: list[FlatBatch] = []
    failures: list[LoadError] = []
    repeats = RepeatFilter()  # the writer gets a unit's cables in order, all of them
    for result in _results_of(unit):
        if isinstance(result, LoadError):
            failures.append(result)
            continue
        try:
            flat = cable_to_flat(result)
        except Exception as exc:  # a mapping bug must not lose the other cables
            failures.append(LoadError(result.source or result.id, _describe(exc)))
            continue
        batches.append(repeats.drop(flat))
    return UnitResult(unit, tuple(batches), len(batches), tuple(failures))


def start_worker(pid: int) -> None:
    """Worker initializer: the objects of the imported modules move to the collector's
    permanent generation (never scanned again), and the worker watches its parent."""
    gc.freeze()
    watch_parent(pid)


def watch_parent(pid: int, interval: float = 1.0) -> None:
    """Worker initializer: exit when the ingest process ``pid`` is gone (killed with
    SIGKILL, it cannot stop its workers, which would otherwise wait for work forever)."""

    def watch() -> None:
        while not is_gone(pid):
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def is_gone(pid: int) -> bool:
    """True when process ``pid`` has exited (a zombie not yet reaped counts as gone).

    >>> is_gone(os.getpid())
    False
    """
    stat = Path(f"/proc/{pid}/stat")
    if not Path("/proc/self/stat").exists():  # no procfs: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    try:
        state = stat.read_text().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def _results_of(unit: Unit) -> list[Cable | LoadError]:
    if unit.csv_range is None:
        results: list[Cable | LoadError] = []
        for path in unit.paths:
            results.extend(_read_file(path))
        return results
    return _read_range(unit)


def _read_file(path: Path) -> list[Cable | LoadError]:
    try:
        return list(iter_path(path, BodyParts.GRAPH))
    except Exception as exc:  # readers report errors as LoadError; this is a safety net
        return [LoadError(str(path), _describe(exc))]


def _read_range(unit: Unit) -> list[Cable | LoadError]:
    path = unit.paths[0]
    assert unit.csv_range is not None
    start, end = unit.csv_range
    try:
        with path.open("rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
        results = parse_document(data, str(path), BodyParts.GRAPH)
    except Exception as exc:
        return [LoadError(f"{path}:bytes {start}-{end}", _describe(exc))]
    return [_renumber(result, unit.first_row - 1) for result in results]


def _renumber(result: Cable | LoadError, offset: int) -> Cable | LoadError:
    """Shift a ``path:row N`` source by ``offset`` rows (ranges number from 1)."""
    if offset == 0 or result.source is None:
        return result
    match = _ROW_SOURCE.search(result.source)
    if match is None:
        return result
    source = f"{result.source[: match.start()]}:row {int(match.group(1)) + offset}"
    if isinstance(result, LoadError):
        return LoadError(source, result.reason)
    return _with_source(result, source)


def _with_source(cable: Cable, source: str) -> Cable:
    return replace(cable, source=source)


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _is_csv_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return is_csv_dump(handle.read(64))
    except OSError:
        return False


def _file_key(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return f"{path}"
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def _flush(group: list[Path], size: int) -> list[Unit]:
    if not group:
        return []
    key = "\n".join(_file_key(path) for path in group)
    return [Unit(tuple(group), size, key)]


def _csv_units(path: Path) -> list[Unit]:
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        ranges = split_rows(data, UNIT_BYTES)
    base = _file_key(path)
    return [
        Unit((path,), end - start, f"{base}|{start}-{end}", (start, end), rows_before + 1)
        for start, end, rows_before in ranges
    ]
