"""What every reader hands to the assembly: the container's parts, as written."""

from __future__ import annotations

from dataclasses import dataclass


class ReadError(ValueError):
    """One input cannot be read as a cable (the message names the reason)."""


@dataclass(frozen=True, slots=True)
class RawCable:
    """One cable as its container gives it; every field as written, None when absent."""

    source: str
    id: str | None
    created: str | None  # container date as written (2004-02-19 20:08, 2/19/2004 20:08, ...)
    marking: str | None  # container classification (SECRET//NOFORN)
    office: str | None  # container origin office (Embassy Abu Dhabi)
    header: str
    body: str
    subject_hint: str | None = None
    cited_ids: tuple[str, ...] = ()
