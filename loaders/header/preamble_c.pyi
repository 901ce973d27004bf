from loaders.header.preamble import PreambleParts

MAX_PREAMBLE: int
MAX_REF: int
FIELD_NAMES: tuple[str, ...]
PUNCTUATION_FOLDS: bool

def preamble_parts(body: str) -> PreambleParts | None: ...
