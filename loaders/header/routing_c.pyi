from loaders.header.routing import RoutingRows
from loaders.record import Recipient

LETTERS: dict[str, str]
WORDS: tuple[str, ...]

def read_routing(header: str) -> RoutingRows | None: ...
def with_mcn(known: Recipient, mcn: str) -> Recipient: ...
