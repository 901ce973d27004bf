"""Loader entry points: files, folders and byte strings in, ``Cable`` records out.

The format is detected by content (Cablegate page, plain-text export, ``cables.csv``
rows, or a bare cable text), not by extension. Every failure is a :class:`LoadError`
value naming the input and the reason; no exception escapes.

>>> [type(r).__name__ for r in parse_document(b"", "empty.txt")]
['LoadError']
>>> parse_document(b"", "empty.txt")[0].reason
'empty input'
"""

from __future__ import annotations

import gc
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeAlias

from loaders.assemble import assemble_cable
from loaders.assemble import clear_caches as clear_assembly_caches
from loaders.entities import BodyParts
from loaders.entities import clear_caches as clear_entity_caches
from loaders.readers.csv_dump import iter_csv_rows, looks_like_csv_dump
from loaders.readers.html import looks_like_cablegate, read_cablegate_page
from loaders.readers.raw import RawCable, ReadError
from loaders.readers.text_export import looks_like_text_export, read_text_export, split_header_body
from loaders.record import Cable

__all__ = [
    "LoadError",
    "ParseResult",
    "clear_caches",
    "expand_paths",
    "iter_path",
    "iter_stream",
    "parse_document",
    "paused_gc",
]

_SNIFF = 8192
_BARE_RE = re.compile(
    r"C O N F I D E N T I A L|S E C R E T|U N C L A S|^\s*TAGS\b|^\s*SUBJECT\s*:",
    re.MULTILINE | re.IGNORECASE,
)
_STEM_ID_RE = re.compile(r"^\d{2}[A-Z][A-Z0-9]*\d+$")


@dataclass(frozen=True, slots=True)
class LoadError:
    """One failed input, never an exception escaping to the user."""

    source: str  # "path" or "path:row N"
    reason: str  # one line, human readable


ParseResult: TypeAlias = Cable | LoadError


def clear_caches() -> None:
    """Empty every cache the parsers keep across cables (header lines, TAGS, runs of
    capitalised words, lexicon matches, titled mentions, ...), as on a new corpus. The
    caches are bounded; this is for measurements (``benchmarks/bench_parse.py``).

    >>> _ = parse_document(b"TAGS: PREL\\nSUBJECT: RAIN\\n1. (C) Rain.", "08TOKYO1.txt")
    >>> clear_caches()
    """
    clear_assembly_caches()
    clear_entity_caches()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a long run of parsing or writing; restored
    on exit. Parsing makes many short-lived objects and no reference cycles (a test
    checks it on the corpus), so the collector only costs time there: its automatic
    passes (every 700 allocations) took ~8% of a parse, and each full pass walks the
    parsers' caches (50-70 ms), a pause that lands inside one cable. ``cablegraph parse``
    and ingest (writer and workers) run with it paused.

    >>> with paused_gc():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def expand_paths(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given, folders recursively (sorted); a missing path is passed on so
    that reading it reports the error."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        else:
            yield path


def to_result(raw: RawCable, parts: BodyParts = BodyParts.ALL) -> ParseResult:
    """Assemble one raw cable, turning any failure into a :class:`LoadError`."""
    try:
        return assemble_cable(raw, parts)
    except ReadError as error:
        return LoadError(raw.source, str(error))
    except Exception as error:  # a parser bug must not lose the other cables
        return LoadError(raw.source, f"internal error: {type(error).__name__}: {error}")


def decode_text(data: bytes) -> str:
    """UTF-8 text of a document; :class:`ReadError` for binary or undecodable data."""
    if b"\x00" in data[:_SNIFF]:
        raise ReadError("binary data (NUL bytes), not a cable")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(f"not valid UTF-8 (byte {error.start})") from None


def read_bare_text(text: str, source: str) -> RawCable:
    """A cable text without container metadata: the id comes from the file name."""
    stem = Path(source).stem.upper()
    if not _STEM_ID_RE.match(stem):
        raise ReadError("cable text without metadata and no reference id in the file name")
    header, body = split_header_body(text)
    return RawCable(source, stem, None, None, None, header, body)


def parse_single(data: bytes, source: str) -> RawCable:
    """The raw parts of a one-cable document of any supported format."""
    if looks_like_cablegate(data[:_SNIFF]) or b"<table class=" in data:
        return read_cablegate_page(data, source)
    text = decode_text(data)
    if looks_like_text_export(text):
        return read_text_export(text, source)
    if _BARE_RE.search(text[:_SNIFF]):
        return read_bare_text(text, source)
    raise ReadError("unrecognised format (not a Cablegate page, text export or cables.csv)")


def parse_document(data: bytes, source: str, parts: BodyParts = BodyParts.ALL) -> list[ParseResult]:
    """All cables of one document (one, or one per ``cables.csv`` row); body entities
    not in ``parts`` are left empty (ingest takes only what the graph stores)."""
    if not data or data.isspace():  # (isspace stops at the first other byte: no copy)
        return [LoadError(source, "empty input")]
    if looks_like_csv_dump(data[:64]):
        return list(iter_stream(io.BytesIO(data), source, parts))
    try:
        raw = parse_single(data, source)
    except ReadError as error:
        return [LoadError(source, str(error))]
    return [to_result(raw, parts)]


def iter_stream(
    stream: BinaryIO, source: str, parts: BodyParts = BodyParts.ALL
) -> Iterator[ParseResult]:
    """Cables of a binary stream; a ``cables.csv`` stream is read row by row."""
    head = stream.read(64)
    if looks_like_csv_dump(head):
        rest = io.BufferedReader(_Prefixed(head, stream))
        text = io.TextIOWrapper(rest, encoding="utf-8", errors="replace", newline="")
        for row_source, item in iter_csv_rows(text, source):
            yield (
                LoadError(row_source, str(item))
                if isinstance(item, ReadError)
                else to_result(item, parts)
            )
        return
    yield from parse_document(head + stream.read(), source, parts)


def iter_path(path: Path, parts: BodyParts = BodyParts.ALL) -> Iterator[ParseResult]:
    """Cables of one file; ``cables.csv`` files stream."""
    try:
        with path.open("rb") as handle:
            yield from iter_stream(handle, str(path), parts)
    except OSError as error:
        yield LoadError(str(path), error.strerror or type(error).__name__)


class _Prefixed(io.RawIOBase):
    """A raw stream that replays already-read bytes before the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
