from collections.abc import Callable

def tag_codes(
    value: str, known: frozenset[str], split_glued: Callable[[str], list[str]]
) -> tuple[str, ...] | None: ...
