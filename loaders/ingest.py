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
import time
from collections import Counter, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.store import Store
from loaders.ingest_checkpoint import Checkpoint, UnitDone
from loaders.ingest_flat import FlatSink
from loaders.ingest_pool import WorkerDiedError, parse_all, worker_count
from loaders.ingest_units import (
    FlatBatch,
    merge_flat,
    plan_units,
)
from loaders.read import LoadError, expand_paths, paused_gc

__all__ = ["IngestProgress", "IngestReport", "LoadError", "WorkerDiedError", "ingest_paths"]


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
    for result in parse_all(todo, worker_count(workers, len(todo)), batch_size):
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
