"""The ingest checkpoint: units already committed by a run that did not finish.

One JSON object a line: first the run's inputs (path, size, mtime of every file),
then one line per committed unit with its cable count and failures. A run with the
same inputs skips those units; a run with other inputs starts afresh. The file is
removed when a run finishes, so it only ever describes an interrupted run.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import orjson

from loaders.read import LoadError

VERSION = 1


@dataclass(frozen=True, slots=True)
class UnitDone:
    key: str
    cables: int
    failures: tuple[LoadError, ...] = ()


@dataclass(slots=True)
class Checkpoint:
    path: Path
    done: dict[str, UnitDone]
    handle: IO[bytes] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, path: Path, files: list[Path]) -> Checkpoint:
        """Resume the checkpoint at ``path`` if it was written for ``files``."""
        fingerprint = fingerprint_inputs(files)
        done = read_done(path, fingerprint) if path.exists() else None
        if done is None:
            handle = path.open("wb")
            handle.write(orjson.dumps({"version": VERSION, "inputs": fingerprint}) + b"\n")
            done = {}
        else:
            handle = path.open("ab")
        _sync(handle)
        return cls(path, done, handle)

    def mark(self, unit: UnitDone) -> None:
        """Record ``unit`` as committed (call only after its last write committed)."""
        assert self.handle is not None, "checkpoint already finished"
        line = {
            "unit": unit.key,
            "cables": unit.cables,
            "failures": [[f.source, f.reason] for f in unit.failures],
        }
        self.handle.write(orjson.dumps(line) + b"\n")
        _sync(self.handle)

    def finish(self) -> None:
        """The run completed: nothing to resume, remove the file."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        self.path.unlink(missing_ok=True)


def fingerprint_inputs(files: list[Path]) -> str:
    """A digest of the input files' paths, sizes and modification times."""
    digest = hashlib.sha256()
    for path in files:
        try:
            stat = path.stat()
            digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}|missing\n".encode())
    return digest.hexdigest()


def read_done(path: Path, fingerprint: str) -> dict[str, UnitDone] | None:
    """The committed units listed in ``path``; None if it was written for other inputs.
    A torn last line (the run was killed while writing it) is ignored."""
    lines = path.read_bytes().splitlines()
    try:
        header = orjson.loads(lines[0]) if lines else {}
    except orjson.JSONDecodeError:
        return None
    if header.get("version") != VERSION or header.get("inputs") != fingerprint:
        return None
    done: dict[str, UnitDone] = {}
    for line in lines[1:]:
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        failures = tuple(LoadError(source, reason) for source, reason in entry["failures"])
        done[entry["unit"]] = UnitDone(entry["unit"], entry["cables"], failures)
    return done


def _sync(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())
