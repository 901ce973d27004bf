from loaders.record import Reference

NOT_STATION: frozenset[str]
SERIAL_SLACK: tuple[float, int]
REFERENCE_FIELDS: tuple[str, ...]

def references_ascii(value: str, citing_id: str, year: str) -> tuple[Reference, ...] | None: ...
