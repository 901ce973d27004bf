"""The flat chains and neighbourhoods read straight from SQL give exactly the payload the
store's own ``reference_chain`` / ``neighborhood`` give, under every clearance."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial
from typing import Any

import orjson
import pytest

from api.schema import flat
from graph.model import FULL_CLEARANCE, Clearance, EdgeKind, Level, NodeKind
from graph.store import CableFilter, ChainDirection, FlatReader, NotFoundError, StepFilter, Store

CLEARANCES = (
    FULL_CLEARANCE,
    Clearance(Level.SECRET),
    Clearance(Level.CONFIDENTIAL, noforn=True),
    Clearance(Level.UNCLASSIFIED),
)
CABLES = ("cable:08STATE68633", "cable:10ZAGREB97", "cable:09ZAGREB644", "cable:10ZAGREB53")
HUBS = ("post:STATE", "post:TOKYO", "tag:PREL", "country:JA")


def as_json(sub: flat.FlatSubgraph, degrees: dict[str, int] | None = None) -> Any:
    """The payload as a client reads it (fragments written out, then parsed)."""
    return orjson.loads(orjson.dumps(flat.payload(sub, degrees)))


def same_payload(fast: Callable[[], flat.FlatSubgraph], slow: Callable[[], Any]) -> Any:
    """Both payloads (or both NotFoundError); the payload, for further checks."""
    try:
        expected = as_json(flat.from_model(slow()))
    except NotFoundError:
        with pytest.raises(NotFoundError):
            fast()
        return None
    assert as_json(fast()) == expected
    return expected


def test_the_corpus_store_takes_the_flat_path(corpus_store: Store) -> None:
    assert isinstance(corpus_store, FlatReader)


@pytest.mark.parametrize("clearance", CLEARANCES, ids=str)
def test_chains_match_the_store(corpus_store: Store, clearance: Clearance) -> None:
    sizes = []
    visible = [n.id for n in corpus_store.find_cables(CableFilter(), clearance, first=8).nodes]
    for cable, direction, depth, limit in itertools.product(
        CABLES + tuple(visible), list(ChainDirection), (1, 6), (3, 500)
    ):
        args = (cable, clearance, direction, depth, limit)
        got = same_payload(
            partial(flat.reference_chain, corpus_store, *args),
            partial(corpus_store.reference_chain, *args),
        )
        sizes.append(0 if got is None else len(got["nodes"]))
    assert max(sizes) > 3  # real chains were compared, not only missing cables


@pytest.mark.parametrize("clearance", CLEARANCES, ids=str)
def test_neighborhoods_match_the_store(corpus_store: Store, clearance: Clearance) -> None:
    steps = (
        StepFilter(),
        StepFilter(edge_kinds=(EdgeKind.SENT, EdgeKind.TAGGED)),
        StepFilter(node_kinds=(NodeKind.CABLE, NodeKind.TAG)),
        StepFilter(date_from="2009-01-01", date_to="2009-12-31"),
    )
    truncated = []
    for start, step, depth, limit in itertools.product(HUBS + CABLES[:2], steps, (0, 1, 2), (40,)):
        ids = [start, "cable:NO-SUCH-CABLE"]
        got = same_payload(
            partial(flat.neighborhood, corpus_store, ids, clearance, depth, step, limit),
            partial(corpus_store.neighborhood, ids, clearance, depth, step.edge_kinds,
                    step.node_kinds, step.date_from, step.date_to, limit),
        )  # fmt: skip
        truncated.append(got["truncated"])
        assert len(got["nodes"]) <= limit
    assert any(truncated) and not all(truncated)


def test_hidden_cables_stay_out_of_flat_answers(corpus_store: Store) -> None:
    hidden = {
        n.id
        for n in corpus_store.iter_nodes([NodeKind.CABLE])
        if not Clearance(Level.UNCLASSIFIED).can_see(n.level, n.level_rel)
    }
    assert hidden
    sub = flat.neighborhood(
        corpus_store, ["post:STATE"], Clearance(Level.UNCLASSIFIED), 2, StepFilter(), 500
    )
    seen = {n[0] for n in sub.nodes} | {e[0] for e in sub.edges} | {e[2] for e in sub.edges}
    assert seen and not seen & hidden


def test_payload_props_leave_out_heavy_text(corpus_store: Store) -> None:
    sub = flat.reference_chain(
        corpus_store, "cable:10ZAGREB97", FULL_CLEARANCE, ChainDirection.BOTH, 3, 50
    )
    nodes = as_json(sub, {})["nodes"]
    cables = [n for n in nodes if n["kind"] == "Cable" and n["inCorpus"]]
    assert cables and all("subject" in n["props"] for n in cables)
    assert not any({"summary", "header", "body"} & set(n["props"]) for n in nodes)
