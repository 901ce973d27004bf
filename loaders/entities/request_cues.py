"""Where a body's request verbs (``requested``, ``instruct`` ...) and ``FOR`` marks are:
the needles :mod:`loaders.entities.requests` looks for, and the walk that finds them.

The compiled walk (``request_cues_c.needle_offsets``: every needle looked for at once,
32 bytes at a time, by an AVX2 shuffle filter) gives the lists
:func:`loaders.entities.occurrences.occurrence_offsets` gives, which is its reference
and its fallback (where it is not built, and inside it for 4-byte text or a processor
without AVX2). ``tests/loaders/test_request_cues_compiled.py`` compares them.
"""

from __future__ import annotations

from typing import Final

from loaders.entities.occurrences import occurrence_offsets
from loaders.entities.request_blocks import FOR_MARKS

__all__ = [
    "CAPS_CUES",
    "CAPS_CUES_AND_FORS",
    "COMPILED",
    "CUES",
    "CUES_AND_FORS",
    "CUE_WORDS",
    "cues_and_fors",
    "needle_offsets",
]

CUES: Final = (
    "Please",
    "request",
    "instruct",
    "ask",
    "encourag",
    "authoriz",
    "appreciat",
    "invited",
    "seek",
)
#: The request verbs looked for (in capitals too in an all-capitals cable).
CUE_WORDS: Final = (*CUES, "REQUEST")
CAPS_CUES: Final = (*CUES, *(cue.upper() for cue in CUES), "REQUEST")
#: ... and where a ``FOR ...:`` block may start (no request verb starts with an ``F``).
CUES_AND_FORS: Final = (*CUE_WORDS, *FOR_MARKS)
CAPS_CUES_AND_FORS: Final = (*CAPS_CUES, *FOR_MARKS)

try:  # the compiled walk, built by ``pip install`` (request_cues_c.pyx); same results
    from loaders.entities.request_cues_c import needle_offsets
except ImportError:  # pragma: no cover - a checkout that was never built
    needle_offsets = occurrence_offsets

#: True when the compiled walk (``request_cues_c``) is in use.
COMPILED: Final = needle_offsets is not occurrence_offsets


def cues_and_fors(text: str, all_caps: bool = False) -> list[int]:
    """Sorted offsets of the request verbs and of the ``FOR`` marks (``"FOR "``,
    ``"FOR\\t"``) in ``text`` (the verbs in capitals too in an all-capitals cable).

    >>> cues_and_fors("FOR KABUL: Posts are requested to act.")
    [0, 21]
    """
    return needle_offsets(text, CAPS_CUES_AND_FORS if all_caps else CUES_AND_FORS)
