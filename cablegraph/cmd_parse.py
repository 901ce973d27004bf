"""`cablegraph parse PATH...`: one JSON object per cable per line on stdout.

Inputs are files, folders (recursively) or ``-`` for stdin. A failed input is reported
on stderr as ``source: reason`` (never a traceback); the good cables are still printed
and the exit status is 1 when any input failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import orjson
import typer

from loaders.read import LoadError, ParseResult, expand_paths, iter_path, iter_stream, paused_gc
from loaders.record import to_json_dict


def register(app: typer.Typer) -> None:
    """Add the ``parse`` command to ``app``."""
    app.command("parse")(parse)


def iter_inputs(paths: list[str], stdin: BinaryIO) -> Iterator[ParseResult]:
    """Results of every input in order; ``-`` reads ``stdin``."""
    for name in paths:
        if name == "-":
            yield from iter_stream(stdin, "-")
            continue
        path = Path(name)
        if not path.exists():
            yield LoadError(name, "no such file or directory")
            continue
        for file in expand_paths([path]):
            yield from iter_path(file)


def write_results(results: Iterator[ParseResult], out: BinaryIO, err: BinaryIO) -> int:
    """Write cables as JSON lines to ``out`` and errors to ``err``; the failure count."""
    failed = 0
    for result in results:
        if isinstance(result, LoadError):
            failed += 1
            err.write(f"{result.source}: {result.reason}\n".encode(errors="replace"))
            err.flush()
        else:
            out.write(orjson.dumps(to_json_dict(result)) + b"\n")
    out.flush()
    return failed


def parse(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
) -> None:
    """Parse cables (Cablegate pages, text exports, cables.csv) to JSON lines."""
    try:
        with paused_gc():  # parsing makes no reference cycles (see paused_gc)
            failed = write_results(
                iter_inputs(paths, sys.stdin.buffer), sys.stdout.buffer, sys.stderr.buffer
            )
    except BrokenPipeError:
        raise typer.Exit(0) from None
    if failed:
        raise typer.Exit(1)
