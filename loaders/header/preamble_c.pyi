from loaders.header.preamble import Preamble

MAX_PREAMBLE: int
MAX_REF: int
FIELD_NAMES: tuple[str, ...]
PUNCTUATION_FOLDS: bool
SLOTS: tuple[str, ...]

def split_preamble(body: str) -> Preamble: ...
