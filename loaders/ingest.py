"""Ingest: parse input files in parallel and write their graph into a store.

Work is cut into *units* (a group of small files, or a byte range of whole rows of a
``cables.csv`` dump, see :mod:`loaders.ingest_units`); worker processes parse units
and map cables to :class:`~graph.model.GraphBatch` es, the main process writes them
in input order, ``batch_size`` cables per transaction. Writes are upserts, so running
the same input again gives the same graph; a checkpoint file (optional) lists the
units already committed, so a run killed half-way resumes where it stopped.
"""

from __future__ import annotations

import gc
import math
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from graph.store import Store
from loaders.ingest_checkpoint import Checkpoint, UnitDone
from loaders.ingest_flat import FlatSink
from loaders.ingest_units import (
    FlatBatch,
    Unit,
    UnitResult,
    merge_flat,
    parse_unit,
    plan_units,
    start_worker,
)
from loaders.read import LoadError, expand_paths, paused_gc

__all__ = ["IngestProgress", "IngestReport", "LoadError", "ingest_paths"]


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where a run stands: ``bytes_done`` of ``bytes_total`` input parsed and written."""

    bytes_done: int
    bytes_total: int
    cables: int
    failed: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What a run did: cables read, failed inputs, and the store's counts afterwards."""

    cables: int
    failures: tuple[LoadError, ...]
    nodes: dict[str, int]
    edges: dict[str, int]
    files: int
    units_resumed: int = 0
    elapsed: float = 0.0
    failures_by_reason: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        """Number of failed inputs (files or rows)."""
        return len(self.failures)


@dataclass(slots=True)
class _Writer:
    """Buffers unit results and writes them ``batch_size`` cables per transaction;
    a unit counts as done (checkpointed) once none of its cables is still buffered."""

    store: Store
    batch_size: int
    checkpoint: Checkpoint | None
    buffer: list[FlatBatch] = field(default_factory=list)
    waiting: deque[tuple[UnitDone, int]] = field(default_factory=deque)
    written: int = 0

    def add(self, done: UnitDone, batches: Sequence[FlatBatch]) -> None:
        self.buffer.extend(batches)
        self.waiting.append((done, self.written + len(self.buffer)))
        while len(self.buffer) >= self.batch_size:
            self._write(self.batch_size)

    def flush(self) -> None:
        self._write(len(self.buffer))

    def _write(self, count: int) -> None:
        chunk, self.buffer = self.buffer[:count], self.buffer[count:]
        if chunk:
            if isinstance(self.store, FlatSink):
                self.store.write_flat(chunk)
            else:
                self.store.write(merge_flat(chunk))
            gc.collect(0)  # the collector is paused (see ``paused_gc``): young cycles only
        self.written += len(chunk)
        while self.waiting and self.waiting[0][1] <= self.written:
            done, _ = self.waiting.popleft()
            if self.checkpoint is not None:
                self.checkpoint.mark(done)


def ingest_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    batch_size: int = 5000,
    workers: int | None = None,
    progress: Callable[[IngestProgress], None] | None = None,
    checkpoint: Path | None = None,
) -> IngestReport:
    """Parse every file under ``paths`` and write its graph into ``store``.

    ``workers`` parser processes (default: one per core; ``1`` parses in this
    process). With ``checkpoint``, units already committed by an earlier, interrupted
    run with the same inputs are skipped, and the file is removed when the run ends.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    with paused_gc():
        return _ingest(store, paths, batch_size, workers, progress, checkpoint)


def _ingest(
    store: Store,
    paths: Sequence[Path],
    batch_size: int,
    workers: int | None,
    progress: Callable[[IngestProgress], None] | None,
    checkpoint: Path | None,
) -> IngestReport:
    started = time.monotonic()
    files = list(expand_paths(paths))
    units = plan_units(files)
    check = Checkpoint.open(checkpoint, files) if checkpoint is not None else None
    resumed = check.done if check is not None else {}
    writer = _Writer(store, batch_size, check)
    total = sum(unit.size for unit in units)
    cables, failures = 0, list[LoadError]()
    for earlier in resumed.values():
        cables += earlier.cables
        failures.extend(earlier.failures)
    todo = [unit for unit in units if unit.key not in resumed]
    done_bytes = total - sum(unit.size for unit in todo)
    for result in _parse_all(todo, _worker_count(workers, len(todo)), batch_size):
        done = UnitDone(result.unit.key, result.cables, result.failures)
        writer.add(done, result.batches)
        cables += result.cables
        failures.extend(result.failures)
        done_bytes += result.unit.size
        if progress is not None:
            elapsed = time.monotonic() - started
            progress(IngestProgress(done_bytes, total, cables, len(failures), elapsed))
    writer.flush()
    if check is not None:
        check.finish()
    stats = store.stats()
    return IngestReport(
        cables=cables,
        failures=tuple(failures),
        nodes=dict(stats.nodes),
        edges=dict(stats.edges),
        files=len(files),
        units_resumed=len(resumed),
        elapsed=time.monotonic() - started,
        failures_by_reason=count_reasons(failures),
    )


def count_reasons(failures: Sequence[LoadError]) -> dict[str, int]:
    """Failures counted by reason, most frequent first.

    >>> count_reasons([LoadError("a", "empty file"), LoadError("b", "empty file")])
    {'empty file': 2}
    """
    return dict(Counter(failure.reason for failure in failures).most_common())


def _worker_count(workers: int | None, units: int) -> int:
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, units))


def _worker_context() -> BaseContext:
    """Workers start from a fork server that has imported the parsers once: safe in a
    threaded caller (an API server, a test session), and cheap per worker."""
    context = get_context("forkserver")
    context.set_forkserver_preload(["loaders.ingest_units"])
    return context


#: How often, in seconds, a wait for a unit's result checks that the workers are alive.
LIVENESS_POLL = 1.0


class WorkerDiedError(RuntimeError):
    """A parser process ended abruptly (killed: out of memory, a signal)."""


def describe_unit(unit: Unit) -> str:
    """A unit as a user knows it: its file, and the row range of a csv range.

    >>> describe_unit(Unit((Path("cables.csv"),), 10, "k", (0, 10), first_row=2001))
    'cables.csv (from row 2001)'
    """
    names = ", ".join(str(path) for path in unit.paths[:3])
    more = f" and {len(unit.paths) - 3} more" if len(unit.paths) > 3 else ""
    row = f" (from row {unit.first_row})" if unit.csv_range is not None else ""
    return f"{names}{more}{row}"


#: Units submitted ahead per worker beyond one transaction's worth: the writer pulls no
#: result while it writes a transaction, so the workers keep that much work queued then.
#: A unit's result holds about 10 MB of objects.
UNITS_AHEAD = 4
#: Cables per unit assumed until the first results tell (a ~2 MB ``cables.csv`` range).
CABLES_PER_UNIT_GUESS = 250


def in_flight(workers: int, batch_size: int, cables: int, units: int) -> int:
    """How many units to keep submitted: a transaction's worth (``batch_size`` cables,
    at the ``cables`` per ``units`` seen so far) plus ``UNITS_AHEAD`` per worker, so
    that the workers never wait while the writer commits.

    >>> in_flight(2, 5000, 0, 0), in_flight(2, 5000, 600, 10), in_flight(2, 1, 0, 0)
    (29, 93, 10)
    """
    per_unit = cables / units if units and cables else CABLES_PER_UNIT_GUESS
    return UNITS_AHEAD * workers + 1 + math.ceil(batch_size / max(per_unit, 1.0))


def _parse_all(units: Sequence[Unit], workers: int, batch_size: int) -> Iterator[UnitResult]:
    """Results of ``units`` in input order, :func:`in_flight` of them submitted ahead."""
    if workers <= 1:
        yield from map(parse_unit, units)
        return
    context = _worker_context()
    seen_cables = seen_units = 0
    pool = ProcessPoolExecutor(workers, context, start_worker, (os.getpid(),))
    try:
        pending: deque[tuple[Unit, Future[UnitResult]]] = deque()
        for unit in units:
            pending.append((unit, pool.submit(parse_unit, unit)))
            while len(pending) >= in_flight(workers, batch_size, seen_cables, seen_units):
                result = _result_of(*pending.popleft(), pool)
                seen_cables, seen_units = seen_cables + result.cables, seen_units + 1
                yield result
        while pending:
            yield _result_of(*pending.popleft(), pool)
    except BaseException:
        _abandon(pool)
        raise
    pool.shutdown(wait=True)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` without waiting for it: its workers are killed, queued units dropped
    (the executor's own thread may be stuck reading a dead worker's half-written result,
    see :func:`_result_of`, so it is not joined)."""
    for process in _processes_of(pool):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _a_worker_died(pool: ProcessPoolExecutor) -> bool:
    """True when one of ``pool``'s processes has exited (they only exit at shutdown)."""
    return any(p.exitcode is not None for p in _processes_of(pool))


def _processes_of(pool: ProcessPoolExecutor) -> list[BaseProcess]:
    """``pool``'s worker processes (a copy: the executor's thread may change its table)."""
    return list((pool._processes or {}).values())


def _result_of(unit: Unit, future: Future[UnitResult], pool: ProcessPoolExecutor) -> UnitResult:
    """The result of ``unit``; :class:`WorkerDiedError` when a parser process died.

    The executor notices a dead worker by itself, except when the worker was killed in the
    middle of writing a result: its reader thread then waits for the rest of the message
    forever (CPython 3.11). So the wait checks every :data:`LIVENESS_POLL` seconds that the
    workers are alive, and a death the executor has not reported one poll later is."""
    try:
        while True:
            try:
                return future.result(timeout=LIVENESS_POLL)
            except TimeoutError:
                if _a_worker_died(pool):
                    try:
                        return future.result(timeout=LIVENESS_POLL)
                    except TimeoutError:
                        raise BrokenProcessPool("a worker died unnoticed") from None
    except BrokenProcessPool:
        raise WorkerDiedError(
            f"a parser process died (killed by the system: out of memory, or a signal) while "
            f"{describe_unit(unit)} or a unit beside it was parsed; everything committed "
            f"before is kept: run the same command again to resume"
        ) from None
