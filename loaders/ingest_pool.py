"""The parser processes of an ingest: units submitted ahead in input order, their
results awaited with a check that the workers are alive (see :func:`result_of`), and
the pool abandoned, not joined, when anything fails.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from loaders.ingest_units import Unit, UnitResult, parse_unit, start_worker


def worker_count(workers: int | None, units: int) -> int:
    """Parser processes for ``units`` units: as asked (else one per CPU), at most one
    per unit, at least one.

    >>> worker_count(8, 3), worker_count(None, 0)
    (3, 1)
    """
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, units))


def worker_context() -> BaseContext:
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

    >>> from pathlib import Path
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


def parse_all(units: Sequence[Unit], workers: int, batch_size: int) -> Iterator[UnitResult]:
    """Results of ``units`` in input order, :func:`in_flight` of them submitted ahead."""
    if workers <= 1:
        yield from map(parse_unit, units)
        return
    context = worker_context()
    seen_cables = seen_units = 0
    pool = ProcessPoolExecutor(workers, context, start_worker, (os.getpid(),))
    try:
        pending: deque[tuple[Unit, Future[UnitResult]]] = deque()
        for unit in units:
            pending.append((unit, pool.submit(parse_unit, unit)))
            while len(pending) >= in_flight(workers, batch_size, seen_cables, seen_units):
                result = result_of(*pending.popleft(), pool)
                seen_cables, seen_units = seen_cables + result.cables, seen_units + 1
                yield result
        while pending:
            yield result_of(*pending.popleft(), pool)
    except BaseException:
        abandon(pool)
        raise
    pool.shutdown(wait=True)


def abandon(pool: ProcessPoolExecutor) -> None:
    """Stop ``pool`` without waiting for it: its workers are killed, queued units dropped
    (the executor's own thread may be stuck reading a dead worker's half-written result,
    see :func:`result_of`, so it is not joined)."""
    for process in processes_of(pool):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def a_worker_died(pool: ProcessPoolExecutor) -> bool:
    """True when one of ``pool``'s processes has exited (they only exit at shutdown)."""
    return any(p.exitcode is not None for p in processes_of(pool))


def processes_of(pool: ProcessPoolExecutor) -> list[BaseProcess]:
    """``pool``'s worker processes (a copy: the executor's thread may change its table)."""
    return list((pool._processes or {}).values())


def result_of(unit: Unit, future: Future[UnitResult], pool: ProcessPoolExecutor) -> UnitResult:
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
                if a_worker_died(pool):
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
