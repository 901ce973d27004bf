"""Store rules shared by every backend: batch checks and id look-ups.

Both stores (embedded and Neo4j) call these, so they agree on what a write may hold
and which ids a search text may name.
"""

from __future__ import annotations

from typing import Final

from graph.model import EdgeKind, GraphBatch, ModelError, NodeKind, check_endpoints, normalize_part

_SLUGS: Final = {kind.value.lower(): kind for kind in NodeKind}


def kind_from_id(node_id: str) -> NodeKind:
    """The kind an id names (fast path of ``graph.model.kind_of_id``).

    >>> kind_from_id("post:TOKYO")
    <NodeKind.POST: 'Post'>
    >>> kind_from_id("TOKYO")
    Traceback (most recent call last):
    ...
    graph.model.ModelError: not a node id: 'TOKYO'
    """
    kind = _SLUGS.get(node_id.partition(":")[0])
    if kind is None or ":" not in node_id:
        raise ModelError(f"not a node id: {node_id!r}")
    return kind


def check_batch(batch: GraphBatch) -> None:
    """Raise ``ModelError`` for a node whose id names another kind, or an edge the model
    does not allow between the kinds its ids name."""
    for node in batch.nodes:
        if kind_from_id(node.id) is not node.kind:
            raise ModelError(f"node {node.id!r} has kind {node.kind}, its id names another")
    allowed: set[tuple[EdgeKind, str, str]] = set()
    for edge in batch.edges:
        shape = (edge.kind, edge.source.partition(":")[0], edge.target.partition(":")[0])
        if shape not in allowed:
            check_endpoints(edge.kind, kind_from_id(edge.source), kind_from_id(edge.target))
            allowed.add(shape)


def id_candidates(text: str) -> list[str]:
    """Node ids ``text`` may name exactly, most likely first: itself, a normalised
    ``kind:part``, then the cable, post, ... id of the bare value.

    >>> id_candidates("08state68633")[:3]
    ['08state68633', 'cable:08STATE68633', 'post:08STATE68633']
    >>> id_candidates("Post:Tokyo")[:2]
    ['Post:Tokyo', 'post:TOKYO']
    """
    raw = text.strip()
    found = [raw]
    slug, sep, rest = raw.partition(":")
    kinds = {k.value.lower() for k in NodeKind}
    if sep and slug.lower() in kinds and normalize_part(rest):
        found.append(f"{slug.lower()}:{normalize_part(rest)}")
    part = normalize_part(raw)
    if part:
        found.extend(f"{k.value.lower()}:{part}" for k in NodeKind)
    return list(dict.fromkeys(found))
