from loaders.header.routing import RoutingRows

LETTERS: dict[str, str]
WORDS: tuple[str, ...]
PRECEDENCE_FIRSTS: str
LINE_FIRSTS: str

def read_routing(header: str) -> RoutingRows | None: ...
