"""The store contract, part 4: real cables through the loaders into every backend — the
seed cable's edges, re-ingest, placeholders filled in by the cable they stand for —
and the shared corpus store, where citations between corpus cables resolve."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.model import FULL_CLEARANCE, Clearance, EdgeKind, GraphBatch, Level
from graph.store import CableFilter, ChainDirection, Direction, Store
from graph.stores import open_store, parse_store_uri
from loaders.read import iter_path
from loaders.record import Cable
from loaders.to_graph import cable_to_batch

SEED = "cable:08STATE68633"
TOKYO_1464 = "cable:08TOKYO1464"


def read_batch(path: Path) -> GraphBatch:
    (cable,) = list(iter_path(path))
    assert isinstance(cable, Cable), cable
    return cable_to_batch(cable)


def test_seed_cable_edges_through_the_store(store: Store, seed_path: Path) -> None:
    batch = read_batch(seed_path)
    store.write(batch)
    page = store.edges([SEED], FULL_CLEARANCE, first=500)[SEED]
    stored = Counter(e.kind for e in page.edges)
    assert stored == Counter(e.kind for e in batch.edges if SEED in (e.source, e.target))
    assert stored[EdgeKind.CITES] == 5
    assert stored[EdgeKind.REQUESTS] == 9
    assert store.stats().placeholders == 4
    cited = store.get_nodes([TOKYO_1464], FULL_CLEARANCE)[TOKYO_1464]
    assert cited.props["in_corpus"] is False


def test_seed_reingest_changes_nothing(store: Store, seed_path: Path) -> None:
    batch = read_batch(seed_path)
    store.write(batch)
    before = store.stats()
    store.write(batch)
    store.write(read_batch(seed_path))
    assert store.stats() == before


def test_seed_is_hidden_from_an_unclassified_caller(store: Store, seed_path: Path) -> None:
    store.write(read_batch(seed_path))
    unclassified = Clearance(Level.UNCLASSIFIED)
    assert store.get_nodes([SEED], unclassified) == {}
    assert store.search("08STATE68633", unclassified) == []
    assert store.find_cables(CableFilter(), unclassified).total == 0
    assert store.neighborhood(["post:STATE"], unclassified).nodes == ()
    assert store.find_cables(CableFilter(tag="tag:JA"), Clearance(Level.CONFIDENTIAL)).total == 1


def test_placeholder_filled_in_by_the_cited_corpus_cable(store: Store, cablegate_dir: Path) -> None:
    citing, cited = find_citing_pair(cablegate_dir)
    store.write(read_batch(citing))
    cited_id = f"cable:{cited.stem}"
    assert store.get_nodes([cited_id], FULL_CLEARANCE)[cited_id].props["in_corpus"] is False
    second = read_batch(cited)
    its_cables = [n.id for n in second.nodes if n.id.startswith("cable:")]
    new = set(its_cables) - set(store.get_nodes(its_cables, FULL_CLEARANCE))
    cables_before = store.stats().nodes["Cable"]
    store.write(second)
    filled = store.get_nodes([cited_id], FULL_CLEARANCE)[cited_id]
    assert filled.props["in_corpus"] is True
    assert filled.props["subject"]
    assert store.stats().nodes["Cable"] == cables_before + len(new)  # filled, not added


def find_citing_pair(cablegate_dir: Path) -> tuple[Path, Path]:
    """A Cablegate page that cites another page of the shared corpus."""
    pages = {p.stem: p for p in cablegate_dir.glob("*.html")}
    for path in sorted(pages.values()):
        for edge in read_batch(path).edges:
            target = edge.target.removeprefix("cable:")
            if edge.kind is EdgeKind.CITES and target in pages and target != path.stem:
                return path, pages[target]
    pytest.fail("no corpus cable cites another corpus cable")


@pytest.fixture(scope="module")
def corpus_store(corpus_db: Path) -> Store:
    return open_store(parse_store_uri(str(corpus_db), env={}))


def test_corpus_citations_resolve_to_loaded_cables(
    corpus_store: Store, cablegate_dir: Path
) -> None:
    loaded = {f"cable:{p.stem}" for p in cablegate_dir.glob("*.html")}
    cites = [e for e in corpus_store.iter_edges([EdgeKind.CITES]) if e.target in loaded]
    assert cites, "some corpus cables cite others"
    targets = corpus_store.get_nodes([e.target for e in cites], FULL_CLEARANCE)
    assert all(node.props["in_corpus"] is True for node in targets.values())
    stats = corpus_store.stats()
    assert stats.cables_in_corpus == len(loaded) + 1  # + the seed cable
    placeholders = [n for n in corpus_store.iter_nodes() if n.props.get("in_corpus") is False]
    assert not {n.id for n in placeholders} & loaded


def test_corpus_chain_and_seed_neighbourhood(corpus_store: Store) -> None:
    chain = corpus_store.reference_chain(SEED, FULL_CLEARANCE, ChainDirection.CITES)
    assert set(chain.depth) >= {SEED, TOKYO_1464}
    seed_edges = corpus_store.edges([SEED], FULL_CLEARANCE, Direction.OUT, first=500)[SEED]
    assert {e.kind for e in seed_edges.edges} >= {
        EdgeKind.SENT_TO,
        EdgeKind.CITES,
        EdgeKind.REQUESTS,
        EdgeKind.TAGGED,
        EdgeKind.MENTIONS,
        EdgeKind.CLASSIFIED_BY,
        EdgeKind.SIGNED_BY,
    }
    hood = corpus_store.neighborhood([SEED], FULL_CLEARANCE, limit=100)
    assert len(hood.nodes) <= 100 and SEED in hood.depth
