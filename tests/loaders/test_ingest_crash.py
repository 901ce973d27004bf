"""Crash safety: `cablegraph ingest` killed with SIGKILL half-way, then run again,
ends with exactly the graph of a clean run (with and without its checkpoint)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from benchmarks.synth import generate, write_csv
from graph.export import iter_dump
from graph.sqlite_store import SQLiteStore
from loaders.ingest import ingest_paths

CLI = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "cablegraph"
CABLES = 1500  # about six 2 MB work units


@pytest.fixture(scope="module")
def synthetic_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synth") / "cables.csv"
    with path.open("w", encoding="utf-8") as out:
        assert write_csv(generate(CABLES, seed=7), out) == CABLES
    return path


@pytest.fixture(scope="module")
def clean_dump(synthetic_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = SQLiteStore.open(str(tmp_path_factory.mktemp("clean") / "clean.db"))
    try:
        report = ingest_paths(store, [synthetic_csv])
        assert (report.cables, report.failed) == (CABLES, 0), report.failures[:3]
        return list(iter_dump(store))
    finally:
        store.close()


def _ingest_command(source: Path, db: Path) -> list[str]:
    return [str(CLI), "ingest", str(source), "--store", str(db), "--batch-size", "100"]


def _start_ingest(
    source: Path, db: Path, units: int, stderr: int = subprocess.DEVNULL
) -> subprocess.Popen[bytes]:
    """Start ``cablegraph ingest`` in its own session and return once ``units`` work
    units are committed (or it ended, or two minutes passed)."""
    checkpoint = Path(f"{db}.ingest-checkpoint")
    proc = subprocess.Popen(
        _ingest_command(source, db),
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if checkpoint.exists() and len(checkpoint.read_bytes().splitlines()) >= units:
            break
        time.sleep(0.02)
    return proc


def _kill_half_way(source: Path, db: Path) -> None:
    """Start an ingest and SIGKILL it (parent and parser workers) once a few units
    are committed and well before the end."""
    proc = _start_ingest(source, db, units=3)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _cables_in(db: Path) -> int:
    store = SQLiteStore.open(str(db))
    try:
        return store.stats().cables_in_corpus
    finally:
        store.close()


@pytest.mark.timeout(900)
@pytest.mark.parametrize("keep_checkpoint", [True, False], ids=["resume", "redo-all"])
def test_kill_and_rerun_gives_the_clean_graph(
    synthetic_csv: Path, clean_dump: list[str], tmp_path: Path, keep_checkpoint: bool
) -> None:
    db = tmp_path / "killed.db"
    _kill_half_way(synthetic_csv, db)
    partial = _cables_in(db)
    assert 0 < partial < CABLES, f"killed half-way: {partial} cables committed"
    checkpoint = Path(f"{db}.ingest-checkpoint")
    assert checkpoint.exists()
    if not keep_checkpoint:
        checkpoint.unlink()
    rerun = subprocess.run(_ingest_command(synthetic_csv, db), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert ("resumed" in rerun.stdout) is keep_checkpoint
    assert f"{CABLES:,}" in rerun.stdout, "the report counts the resumed units' cables too"
    store = SQLiteStore.open(str(db))
    try:
        assert store.stats().cables_in_corpus == CABLES
        assert list(iter_dump(store)) == clean_dump
    finally:
        store.close()
    assert not checkpoint.exists()


@pytest.mark.timeout(900)
def test_stale_checkpoint_of_other_inputs_is_ignored(
    synthetic_csv: Path, clean_dump: list[str], tmp_path: Path
) -> None:
    db = tmp_path / "other.db"
    Path(f"{db}.ingest-checkpoint").write_bytes(b'{"version":1,"inputs":"deadbeef"}\n{"unit":')
    result = subprocess.run(_ingest_command(synthetic_csv, db), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "resumed" not in result.stdout
    store = SQLiteStore.open(str(db))
    try:
        assert list(iter_dump(store)) == clean_dump
    finally:
        store.close()


@pytest.mark.timeout(900)
def test_workers_exit_when_the_ingest_is_killed(synthetic_csv: Path, tmp_path: Path) -> None:
    import psutil

    proc = _start_ingest(synthetic_csv, tmp_path / "orphans.db", units=2)
    helpers = psutil.Process(proc.pid).children(recursive=True)
    assert len(helpers) >= 2, "parser workers are running"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only, as `kill -9 PID` does
    proc.wait()
    deadline = time.monotonic() + 30
    alive = helpers
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [h for h in alive if h.is_running() and h.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"left behind: {[h.pid for h in alive]}"


@pytest.mark.timeout(900)
def test_a_killed_worker_is_reported_in_one_line_and_the_rerun_finishes(
    synthetic_csv: Path, clean_dump: list[str], tmp_path: Path
) -> None:
    import psutil

    db = tmp_path / "oom.db"
    proc = _start_ingest(synthetic_csv, db, units=2, stderr=subprocess.PIPE)
    # the parser workers are the fork server's children: kill them as the OOM killer would
    workers = [w for c in psutil.Process(proc.pid).children() for w in c.children()]
    assert workers, "parser workers are running"
    for worker in workers:
        worker.kill()
    _, stderr = proc.communicate(timeout=120)
    message = stderr.decode()
    assert proc.returncode == 1
    assert "a parser process died" in message and "run the same command again" in message
    assert "Traceback" not in message
    rerun = subprocess.run(_ingest_command(synthetic_csv, db), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    store = SQLiteStore.open(str(db))
    try:
        assert list(iter_dump(store)) == clean_dump
    finally:
        store.close()


def test_a_worker_death_the_executor_misses_is_reported() -> None:
    """A worker killed while writing its result leaves the executor waiting for the rest of
    the message (CPython 3.11): the wait itself notices the dead process and reports it."""
    from concurrent.futures import Future
    from types import SimpleNamespace

    from loaders import ingest_pool
    from loaders.ingest_units import Unit

    unit = Unit((Path("cables.csv"),), 10, "cables.csv:0", (0, 10), 1)
    pool = SimpleNamespace(_processes={1: SimpleNamespace(exitcode=-9)})
    started = time.monotonic()
    with pytest.raises(ingest_pool.WorkerDiedError, match="a parser process died"):
        ingest_pool.result_of(unit, Future(), pool)  # type: ignore[arg-type]
    assert time.monotonic() - started < 5 * ingest_pool.LIVENESS_POLL
    pool._processes[1].exitcode = None  # all alive: a finished unit is returned as is
    future: Future[object] = Future()
    future.set_result("done")
    assert ingest_pool.result_of(unit, future, pool) == "done"  # type: ignore[arg-type]
