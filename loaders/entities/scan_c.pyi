from typing import Any

def scan_kept_segments(
    text: str,
    keep: frozenset[str],
    lone: frozenset[str],
    abbreviations: frozenset[str],
    sentence_starts: frozenset[str],
    segment_type: type[Any],
) -> list[Any]: ...
