from loaders.header.routing import RoutingRows

LETTERS: dict[str, str]
WORDS: tuple[str, ...]

def read_routing(header: str) -> RoutingRows | None: ...
